#include "features/events/store/event_reach.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

namespace {
// The same rule as the event's own report: the form's collectivité, else the account's.
const char* origin = "COALESCE(NULLIF(r.collectivite_id, ''), u.collectivite_id)";
}  // namespace

std::vector<EventReachFacts> event_reach_facts(soci::session& sql, std::int64_t from, std::int64_t to) {
    std::vector<EventReachFacts> out;
    for_each_row(
        sql,
        std::string("SELECT e.id AS event_id, e.starts_at AS starts_at, r.user_id AS user_id, "
                    "COALESCE(c.id, '') AS collectivite_id, COALESCE(c.size_class, '') AS size_class, "
                    "COALESCE(c.zone, '') AS zone, "
                    "CASE WHEN k.registration_id IS NULL THEN 0 ELSE 1 END AS checked_in "
                    "FROM event_registrations r JOIN events e ON e.id = r.event_id JOIN users u ON u.id = r.user_id "
                    "LEFT JOIN collectivites c ON c.id = ") +
            origin +
            " LEFT JOIN event_checkins k ON k.registration_id = r.id "
            "WHERE r.status = 'confirmed' AND e.starts_at >= :f AND e.starts_at < :t ORDER BY e.starts_at, e.id, r.id",
        [&](const soci::row& r) {
            EventReachFacts f;
            f.event_id = as_int(r, "event_id");
            f.starts_at = as_int(r, "starts_at");
            f.user_id = as_int(r, "user_id");
            f.collectivite_id = as_text(r, "collectivite_id");
            f.size_class = as_text(r, "size_class");
            f.zone = as_text(r, "zone");
            f.checked_in = as_int(r, "checked_in") != 0;
            out.push_back(std::move(f));
        },
        soci::use(from), soci::use(to));
    return out;
}

EventPeriodCount event_period_count(soci::session& sql, std::int64_t from, std::int64_t to, std::int64_t now) {
    EventPeriodCount out;
    for_each_row(
        sql,
        "SELECT COUNT(*) AS events, COALESCE(SUM(CASE WHEN starts_at <= :n THEN 1 ELSE 0 END), 0) AS held "
        "FROM events WHERE published = 1 AND starts_at >= :f AND starts_at < :t",
        [&](const soci::row& r) {
            out.events = static_cast<int>(as_int(r, "events"));
            out.held = static_cast<int>(as_int(r, "held"));
        },
        soci::use(now), soci::use(from), soci::use(to));
    return out;
}

std::vector<EventTerritoryRow> event_territory_rows(soci::session& sql, const std::string& collectivite_id) {
    std::vector<EventTerritoryRow> out;
    for_each_row(
        sql,
        std::string("SELECT e.slug AS slug, e.title AS title, e.starts_at AS starts_at, e.ends_at AS ends_at, ") +
            origin +
            " AS collectivite_id, u.full_name AS full_name, r.function_title AS function_title, "
            "CASE WHEN k.registration_id IS NULL THEN 0 ELSE 1 END AS checked_in, "
            "(SELECT COUNT(*) FROM event_workshop_attendance w WHERE w.registration_id = r.id) AS workshops_present "
            "FROM event_registrations r JOIN events e ON e.id = r.event_id JOIN users u ON u.id = r.user_id "
            "LEFT JOIN event_checkins k ON k.registration_id = r.id "
            "WHERE r.status = 'confirmed' AND " +
            origin + " = :c ORDER BY e.starts_at, e.id, u.full_name",
        [&](const soci::row& r) {
            EventTerritoryRow row;
            row.slug = as_text(r, "slug");
            row.title = as_text(r, "title");
            row.starts_at = as_int(r, "starts_at");
            row.ends_at = as_int(r, "ends_at");
            row.collectivite_id = as_text(r, "collectivite_id");
            row.full_name = as_text(r, "full_name");
            row.function_title = as_text(r, "function_title");
            row.checked_in = as_int(r, "checked_in") != 0;
            row.workshops_present = static_cast<int>(as_int(r, "workshops_present"));
            out.push_back(std::move(row));
        },
        soci::use(collectivite_id));
    return out;
}

}  // namespace ateliers::store
