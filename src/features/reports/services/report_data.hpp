#pragma once
// The raw facts behind the reports, read in a few queries for one cycle or for
// every cycle (cycle_id 0), and the small pure summaries both reports share.
// Internal to services/reports*.cpp.
#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <vector>

#include "features/reports/services/reports.hpp"
#include "features/reports/store/report_facts.hpp"

namespace ateliers::services::report_data {

using Participation = store::ParticipationFacts;
using store::FeedbackFacts;
using store::LeadFacts;
using store::SessionFacts;

// cycle_id 0: every cycle.
std::vector<Participation> participations(soci::session& sql, long long cycle_id);
std::vector<SessionFacts> sessions(soci::session& sql, long long cycle_id);
std::vector<LeadFacts> leads(soci::session& sql, long long cycle_id);
std::vector<FeedbackFacts> feedback(soci::session& sql, long long cycle_id);

// 100 × part / whole, 0 when whole is 0.
double percent(long long part, long long whole);
// sum / n, 0 when n is 0.
double average(long long sum, long long n);

std::string mandate_label(const std::string& code);
std::string region_label(const Participation& p);
std::string departement_label(const Participation& p);

// Position of a code in the usual order of size classes and territory kinds.
std::size_t size_class_rank(const std::string& code);
std::size_t territory_kind_rank(const std::string& code);

// Alphabetical order of names, accents aside ("Île-de-France" among the I).
bool by_name(const std::string& a, const std::string& b);

// Satisfaction of one cycle (or several) from its questionnaires.
Satisfaction summarise(const std::vector<FeedbackFacts>& answers, int confirmed);

}  // namespace ateliers::services::report_data
