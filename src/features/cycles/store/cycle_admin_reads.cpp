#include "features/cycles/store/cycle_admin_reads.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

std::string region_of(soci::session& sql, long long cycle_id) {
    std::string code;
    sql << "SELECT region_code FROM cycles WHERE id = :id", soci::use(cycle_id), soci::into(code);
    return code;
}

StatusCounts registration_counts(soci::session& sql, long long cycle_id) {
    StatusCounts c;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT status, COUNT(*) AS n FROM registrations WHERE cycle_id = :c GROUP BY status",
         soci::use(cycle_id));
    for (const auto& r : rows) {
        const auto status = as_text(r, "status");
        const int n = static_cast<int>(as_int(r, "n"));
        if (status == "confirmed") c.confirmed = n;
        else if (status == "waiting") c.waiting = n;
        else if (status == "applied") c.applied = n;
    }
    return c;
}

std::optional<FacilitatorRow> find_facilitator(soci::session& sql, long long facilitator_id) {
    soci::row f;
    sql << "SELECT f.full_name, COALESCE(u.email, '') AS email FROM facilitators f LEFT JOIN users u ON "
           "u.id = f.user_id WHERE f.id = :f",
        soci::use(facilitator_id), soci::into(f);
    if (!sql.got_data()) return std::nullopt;
    return FacilitatorRow{facilitator_id, as_text(f, "full_name"), as_text(f, "email")};
}

std::vector<FacilitatorRow> facilitators(soci::session& sql) {
    std::vector<FacilitatorRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT f.id, f.full_name, COALESCE(u.email, '') AS email FROM facilitators f "
                        "LEFT JOIN users u ON u.id = f.user_id ORDER BY f.full_name, f.id");
    for (const auto& r : rows) out.push_back({as_int(r, "id"), as_text(r, "full_name"), as_text(r, "email")});
    return out;
}

std::vector<AdminCycleRow> admin_cycle_rows(soci::session& sql) {
    std::vector<AdminCycleRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare
         << "SELECT c.id, c.slug, c.title, c.status, c.theme, COALESCE(f.full_name, '') AS facilitator_name, c.mode, "
            "c.capacity, "
            "(SELECT COUNT(*) FROM registrations r WHERE r.cycle_id = c.id AND r.status = 'confirmed') AS confirmed, "
            "(SELECT COUNT(*) FROM registrations r WHERE r.cycle_id = c.id AND r.status = 'waiting') AS waiting, "
            "(SELECT COUNT(*) FROM registrations r WHERE r.cycle_id = c.id AND r.status = 'applied') AS applied, "
            "COALESCE((SELECT MIN(s.starts_at) FROM cycle_sessions s WHERE s.cycle_id = c.id), 0) AS first_session_at, "
            "(SELECT COUNT(*) FROM cycle_sessions s WHERE s.cycle_id = c.id) AS session_count "
            "FROM cycles c LEFT JOIN facilitators f ON f.id = c.facilitator_id "
            "ORDER BY CASE c.status WHEN 'draft' THEN 0 WHEN 'published' THEN 1 ELSE 2 END, 12, c.id");
    for (const auto& r : rows) {
        AdminCycleRow c;
        c.id = as_int(r, "id");
        c.slug = as_text(r, "slug");
        c.title = as_text(r, "title");
        c.status = cycle_status_or_draft(as_text(r, "status"));
        c.theme = as_text(r, "theme");
        c.facilitator_name = as_text(r, "facilitator_name");
        c.mode = as_text(r, "mode");
        c.capacity = static_cast<int>(as_int(r, "capacity"));
        c.confirmed = static_cast<int>(as_int(r, "confirmed"));
        c.waiting = static_cast<int>(as_int(r, "waiting"));
        c.applied = static_cast<int>(as_int(r, "applied"));
        c.first_session_at = as_int(r, "first_session_at");
        c.session_count = static_cast<int>(as_int(r, "session_count"));
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace ateliers::store
