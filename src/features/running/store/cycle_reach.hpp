#pragma once
// The cycles' reach: confirmed registrations of the cycles whose first session falls in
// a period, with their action leads, for the agency report; and every confirmed
// registration of a collectivité with its attendance and leads, for the territory page.
#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ateliers::store {

struct CycleReachRegistration {
    long long registration_id = 0;
    std::string collectivite_id;
};
// Confirmed registrations of the cycles whose first session starts in [from, to).
std::vector<CycleReachRegistration> cycle_reach_registrations(soci::session& sql, std::int64_t from, std::int64_t to);

// Statuses of the action leads of those same cycles, one entry per lead.
std::vector<std::string> cycle_reach_lead_statuses(soci::session& sql, std::int64_t from, std::int64_t to);

struct CycleTerritoryRow {
    long long registration_id = 0;
    std::string slug, title;
    std::int64_t first_session = 0, last_session_end = 0;  // 0: no sessions
    int sessions = 0;
    std::string full_name, mandate, function_title;
    int present = 0, excused = 0, absent = 0;
};
// Confirmed registrations for the collectivité, by first session.
std::vector<CycleTerritoryRow> cycle_territory_rows(soci::session& sql, const std::string& collectivite_id);

struct CycleTerritoryLead {
    long long registration_id = 0;
    std::string body, status;
};
// The action leads of the collectivité's confirmed registrations.
std::vector<CycleTerritoryLead> cycle_territory_leads(soci::session& sql, const std::string& collectivite_id);

}  // namespace ateliers::store
