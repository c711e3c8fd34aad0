#pragma once
// The public catalogue: cycle summaries with their sessions, a cycle's page, the
// contacts and the published testimonials.
#include "features/cycles/domain/cycle_status.hpp"
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

struct CycleSummaryRow {
    long long id = 0;
    std::string slug;
    std::string title;
    std::string theme;
    std::string summary;
    std::string territory_types;  // comma-separated codes
    std::string facilitator_name; // empty when none
    int capacity = 0;
    std::string mode;
    long long registration_opens_at = 0;   // 0 when not set
    long long registration_closes_at = 0;  // 0 when not set
    std::string region_code;
    int seats_taken = 0;  // confirmed registrations
    CycleStatus status = CycleStatus::draft;
};

// Published cycles with a session still to end after `now`.
std::vector<CycleSummaryRow> upcoming_cycle_summaries(soci::session& sql, long long now);
// The `limit` published cycles whose first session is still to come, soonest first
// (the home page), without reading the others.
std::vector<CycleSummaryRow> next_cycle_summaries(soci::session& sql, long long now, int limit);

// A published or closed cycle by slug; `include_drafts` also finds a draft.
std::optional<CycleSummaryRow> cycle_summary(soci::session& sql, const std::string& slug, bool include_drafts);

struct SessionSlotRow {
    long long cycle_id = 0;
    int number = 0;
    long long starts_at = 0;
    long long ends_at = 0;
};

// The sessions of every published cycle, by cycle then start.
std::vector<SessionSlotRow> published_session_slots(soci::session& sql);

// The sessions of one cycle, whatever its status, by start.
std::vector<SessionSlotRow> cycle_session_slots(soci::session& sql, long long cycle_id);

struct CycleTexts {
    std::string description;
    std::string facilitator_bio;  // empty when none
};

CycleTexts cycle_texts(soci::session& sql, long long cycle_id);

struct ContactRow {
    std::string full_name, email;
};

std::vector<ContactRow> contacts(soci::session& sql);

struct TestimonialRow {
    std::string author, role_text, place, quote;
};

std::vector<TestimonialRow> published_testimonials(soci::session& sql);

struct RegionRow {
    std::string code, name;
};

// Every région, by name.
std::vector<RegionRow> regions(soci::session& sql);

}  // namespace ateliers::store
