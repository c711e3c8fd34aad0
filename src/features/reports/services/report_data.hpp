#pragma once
// The raw facts behind the reports, read in a few queries for one cycle or for
// every cycle (cycle_id 0), and the small pure summaries both reports share.
// Internal to services/reports*.cpp.
#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <vector>

#include "features/reports/services/reports.hpp"

namespace ateliers::services::report_data {

// A confirmed registration with its collectivité.
struct Participation {
    long long cycle_id = 0;
    long long registration_id = 0;
    long long user_id = 0;
    std::string collectivite_id;
    std::string collectivite_label;
    std::string mandate;
    std::string size_class, zone;
    std::string region_code, region_name;
    std::string departement_code, departement_name;
};

// A session with its attendance among the confirmed registrations.
struct SessionFacts {
    long long id = 0;
    long long cycle_id = 0;
    int number = 0;
    std::int64_t starts_at = 0;
    std::int64_t ends_at = 0;
    int present = 0, excused = 0, absent = 0;
};

struct LeadFacts {
    long long id = 0;
    long long cycle_id = 0;
    int session_number = 0;
    std::string status, body, progress_note, collectivite_label;
};

// The questionnaire of a confirmed registration.
struct FeedbackFacts {
    long long cycle_id = 0;
    int satisfaction = 0, usefulness = 0;
    bool recommend = false;
    std::string comment;
};

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
