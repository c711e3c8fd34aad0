#pragma once
// The events' reach: confirmed registrations of the events of a period, with the
// collectivité each comes from (the one chosen on the form, else the account's), for the
// agency report; and every registration of some collectivités, for the territory page.
#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ateliers::store {

struct EventReachFacts {
    long long event_id = 0;
    std::int64_t starts_at = 0;
    long long user_id = 0;
    std::string collectivite_id;  // empty when the person named none
    std::string size_class, zone;
    bool checked_in = false;
};
// Confirmed registrations of the events starting in [from, to), by event.
std::vector<EventReachFacts> event_reach_facts(soci::session& sql, std::int64_t from, std::int64_t to);

// Published events starting in [from, to): how many, and how many had started by `now`.
struct EventPeriodCount {
    int events = 0, held = 0;
};
EventPeriodCount event_period_count(soci::session& sql, std::int64_t from, std::int64_t to, std::int64_t now);

struct EventTerritoryRow {
    std::string slug, title;
    std::int64_t starts_at = 0, ends_at = 0;
    std::string collectivite_id;
    std::string full_name, function_title;
    bool checked_in = false;
    int workshops_present = 0;
};
// Confirmed registrations coming from the collectivité `collectivite_id`, by event start.
std::vector<EventTerritoryRow> event_territory_rows(soci::session& sql, const std::string& collectivite_id);

}  // namespace ateliers::store
