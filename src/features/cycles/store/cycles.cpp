#include "features/cycles/store/cycles.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

namespace {

const char* cycle_columns =
    "SELECT id, slug, title, theme, summary, description, territory_types, COALESCE(facilitator_id, 0) AS facilitator_id, "
    "capacity, mode, status, COALESCE(registration_opens_at, 0) AS opens_at, "
    "COALESCE(registration_closes_at, 0) AS closes_at FROM cycles ";

CycleRow from_row(const soci::row& r) {
    CycleRow c;
    c.id = as_int(r, "id");
    c.slug = as_text(r, "slug");
    c.title = as_text(r, "title");
    c.theme = as_text(r, "theme");
    c.summary = as_text(r, "summary");
    c.description = as_text(r, "description");
    c.territory_types = as_text(r, "territory_types");
    c.facilitator_id = as_int(r, "facilitator_id");
    c.capacity = static_cast<int>(as_int(r, "capacity"));
    registration::parse_mode(as_text(r, "mode"), c.mode);
    c.status = cycle_status_or_draft(as_text(r, "status"));
    c.opens_at = as_int(r, "opens_at");
    c.closes_at = as_int(r, "closes_at");
    return c;
}

}  // namespace

std::optional<CycleRow> find_cycle(soci::session& sql, Dialect dialect, const std::string& slug, bool lock) {
    soci::row r;
    const std::string suffix = lock && dialect == Dialect::postgresql ? " FOR UPDATE" : "";
    if (!execute(sql, std::string(cycle_columns) + "WHERE slug = :s" + suffix, soci::use(slug), soci::into(r)))
        return std::nullopt;
    return from_row(r);
}

std::optional<CycleRow> find_cycle_by_id(soci::session& sql, Dialect dialect, long long id, bool lock) {
    soci::row r;
    const std::string suffix = lock && dialect == Dialect::postgresql ? " FOR UPDATE" : "";
    if (!execute(sql, std::string(cycle_columns) + "WHERE id = :id" + suffix, soci::use(id), soci::into(r)))
        return std::nullopt;
    return from_row(r);
}

std::vector<SessionRow> cycle_sessions(soci::session& sql, long long cycle_id) {
    std::vector<SessionRow> out;
    for_each_row(
        sql,
        "SELECT id, number, starts_at, ends_at, visio_url, sequence FROM cycle_sessions "
        "WHERE cycle_id = :c ORDER BY starts_at, number",
        [&](const soci::row& r) {
            out.push_back({as_int(r, "id"), static_cast<int>(as_int(r, "number")), as_int(r, "starts_at"),
                           as_int(r, "ends_at"), as_text(r, "visio_url"), static_cast<int>(as_int(r, "sequence"))});
        },
        soci::use(cycle_id));
    return out;
}

int confirmed_count(soci::session& sql, long long cycle_id) {
    long long n = 0;
    execute(sql, "SELECT COUNT(*) FROM registrations WHERE cycle_id = :c AND status = 'confirmed'",
            soci::use(cycle_id), soci::into(n));
    return static_cast<int>(n);
}

std::vector<int> taken_seats(soci::session& sql, long long cycle_id) {
    std::vector<int> seats;
    for_each_row(
        sql, "SELECT seat FROM registrations WHERE cycle_id = :c AND seat IS NOT NULL",
        [&](const soci::row& r) { seats.push_back(static_cast<int>(as_int(r, "seat"))); }, soci::use(cycle_id));
    return seats;
}

std::optional<long long> first_session_start(soci::session& sql, long long cycle_id) {
    long long first_session_at = 0;
    soci::indicator first_ind = soci::i_null;
    execute(sql, "SELECT MIN(starts_at) FROM cycle_sessions WHERE cycle_id = :c", soci::use(cycle_id),
            soci::into(first_session_at, first_ind));
    if (first_ind != soci::i_ok) return std::nullopt;
    return first_session_at;
}

}  // namespace ateliers::store
