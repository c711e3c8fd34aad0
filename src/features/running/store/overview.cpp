#include "features/running/store/overview.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

std::vector<FacilitatedCycleRow> facilitated_cycle_heads(soci::session& sql, const std::string& only_slug) {
    std::vector<FacilitatedCycleRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT c.id AS id, c.slug AS slug, c.title AS title, c.status AS status, "
                        "COALESCE(f.user_id, 0) AS facilitator_user, "
                        "COALESCE((SELECT MIN(s.starts_at) FROM cycle_sessions s WHERE s.cycle_id = c.id), 0) "
                        "AS first_start "
                        "FROM cycles c LEFT JOIN facilitators f ON f.id = c.facilitator_id "
                        "WHERE :all = '' OR c.slug = :slug ORDER BY first_start, c.title",
         soci::use(only_slug, "all"), soci::use(only_slug, "slug"));
    for (const auto& r : rows)
        out.push_back({as_int(r, "id"), as_text(r, "slug"), as_text(r, "title"), as_text(r, "status"),
                       as_int(r, "facilitator_user")});
    return out;
}

std::vector<FacilitatedSessionRow> facilitated_sessions(soci::session& sql, long long cycle_id) {
    std::vector<FacilitatedSessionRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT s.id AS id, s.number AS number, s.starts_at AS starts_at, s.ends_at AS ends_at, "
                        "CASE WHEN p.session_id IS NULL THEN 0 ELSE 1 END AS has_plan FROM cycle_sessions s "
                        "LEFT JOIN session_plans p ON p.session_id = s.id WHERE s.cycle_id = :c ORDER BY s.number",
         soci::use(cycle_id));
    for (const auto& s : rows)
        out.push_back({as_int(s, "id"), static_cast<int>(as_int(s, "number")), as_int(s, "starts_at"),
                       as_int(s, "ends_at"), as_int(s, "has_plan") != 0});
    return out;
}

}  // namespace ateliers::store
