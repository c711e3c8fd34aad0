#include "features/running/store/cycle_reach.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

namespace {
// The cycles whose first session starts in [:f, :t).
const char* cycles_in_period =
    "(SELECT cycle_id FROM cycle_sessions GROUP BY cycle_id HAVING MIN(starts_at) >= :f AND MIN(starts_at) < :t)";
}  // namespace

std::vector<CycleReachRegistration> cycle_reach_registrations(soci::session& sql, std::int64_t from, std::int64_t to) {
    std::vector<CycleReachRegistration> out;
    for_each_row(
        sql,
        std::string("SELECT r.id AS registration_id, r.collectivite_id AS collectivite_id FROM registrations r "
                    "WHERE r.status = 'confirmed' AND r.cycle_id IN ") +
            cycles_in_period + " ORDER BY r.id",
        [&](const soci::row& r) { out.push_back({as_int(r, "registration_id"), as_text(r, "collectivite_id")}); },
        soci::use(from), soci::use(to));
    return out;
}

std::vector<std::string> cycle_reach_lead_statuses(soci::session& sql, std::int64_t from, std::int64_t to) {
    std::vector<std::string> out;
    for_each_row(
        sql,
        std::string("SELECT l.status AS status FROM action_leads l JOIN registrations r ON r.id = l.registration_id "
                    "WHERE r.status = 'confirmed' AND r.cycle_id IN ") +
            cycles_in_period + " ORDER BY l.id",
        [&](const soci::row& r) { out.push_back(as_text(r, "status")); }, soci::use(from), soci::use(to));
    return out;
}

std::vector<CycleTerritoryRow> cycle_territory_rows(soci::session& sql, const std::string& collectivite_id) {
    std::vector<CycleTerritoryRow> out;
    for_each_row(
        sql,
        "SELECT r.id AS registration_id, c.slug AS slug, c.title AS title, "
        "COALESCE((SELECT MIN(s.starts_at) FROM cycle_sessions s WHERE s.cycle_id = c.id), 0) AS first_session, "
        "COALESCE((SELECT MAX(s.ends_at) FROM cycle_sessions s WHERE s.cycle_id = c.id), 0) AS last_session_end, "
        "(SELECT COUNT(*) FROM cycle_sessions s WHERE s.cycle_id = c.id) AS sessions, "
        "u.full_name AS full_name, r.mandate AS mandate, r.function_title AS function_title, "
        "(SELECT COUNT(*) FROM attendance a WHERE a.registration_id = r.id AND a.status = 'present') AS present, "
        "(SELECT COUNT(*) FROM attendance a WHERE a.registration_id = r.id AND a.status = 'excused') AS excused, "
        "(SELECT COUNT(*) FROM attendance a WHERE a.registration_id = r.id AND a.status = 'absent') AS absent "
        "FROM registrations r JOIN cycles c ON c.id = r.cycle_id JOIN users u ON u.id = r.user_id "
        "WHERE r.status = 'confirmed' AND r.collectivite_id = :c ORDER BY first_session, c.id, r.id",
        [&](const soci::row& r) {
            CycleTerritoryRow row;
            row.registration_id = as_int(r, "registration_id");
            row.slug = as_text(r, "slug");
            row.title = as_text(r, "title");
            row.first_session = as_int(r, "first_session");
            row.last_session_end = as_int(r, "last_session_end");
            row.sessions = static_cast<int>(as_int(r, "sessions"));
            row.full_name = as_text(r, "full_name");
            row.mandate = as_text(r, "mandate");
            row.function_title = as_text(r, "function_title");
            row.present = static_cast<int>(as_int(r, "present"));
            row.excused = static_cast<int>(as_int(r, "excused"));
            row.absent = static_cast<int>(as_int(r, "absent"));
            out.push_back(std::move(row));
        },
        soci::use(collectivite_id));
    return out;
}

std::vector<CycleTerritoryLead> cycle_territory_leads(soci::session& sql, const std::string& collectivite_id) {
    std::vector<CycleTerritoryLead> out;
    for_each_row(
        sql,
        "SELECT l.registration_id AS registration_id, l.body AS body, l.status AS status FROM action_leads l "
        "JOIN registrations r ON r.id = l.registration_id "
        "WHERE r.status = 'confirmed' AND r.collectivite_id = :c ORDER BY l.id",
        [&](const soci::row& r) {
            out.push_back({as_int(r, "registration_id"), as_text(r, "body"), as_text(r, "status")});
        },
        soci::use(collectivite_id));
    return out;
}

}  // namespace ateliers::store
