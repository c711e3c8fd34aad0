#include "features/cycles/store/cycle_writes.hpp"

namespace ateliers::store {

bool slug_taken(soci::session& sql, const std::string& table, const std::string& slug, long long exclude_id) {
    long long taken = 0;
    sql << "SELECT COUNT(*) FROM " + table + " WHERE slug = :s AND id <> :id", soci::use(slug), soci::use(exclude_id),
        soci::into(taken);
    return taken != 0;
}

long long insert_facilitator(soci::session& sql, const std::string& slug, const std::string& full_name,
                             const std::string& bio) {
    long long id = 0;
    sql << "INSERT INTO facilitators (slug, full_name, bio) VALUES (:s, :n, :b) RETURNING id", soci::use(slug),
        soci::use(full_name), soci::use(bio), soci::into(id);
    return id;
}

bool facilitator_exists(soci::session& sql, long long facilitator_id) {
    long long found = 0;
    sql << "SELECT COUNT(*) FROM facilitators WHERE id = :f", soci::use(facilitator_id), soci::into(found);
    return found != 0;
}

bool region_exists(soci::session& sql, const std::string& code) {
    long long found = 0;
    sql << "SELECT COUNT(*) FROM regions WHERE code = :c", soci::use(code), soci::into(found);
    return found != 0;
}

long long insert_draft_cycle(soci::session& sql, const CycleFields& c, long long created_at) {
    const long long fac = c.facilitator_id, opens = c.opens_at, closes = c.closes_at;
    const int capacity = c.capacity;
    soci::indicator fac_ind = fac > 0 ? soci::i_ok : soci::i_null;
    soci::indicator opens_ind = opens > 0 ? soci::i_ok : soci::i_null;
    soci::indicator closes_ind = closes > 0 ? soci::i_ok : soci::i_null;
    long long id = 0;
    sql << "INSERT INTO cycles (slug, title, theme, summary, description, territory_types, facilitator_id, capacity, "
           "mode, status, registration_opens_at, registration_closes_at, created_at, region_code) VALUES (:slug, "
           ":title, :theme, :summary, :descr, :types, :fac, :cap, :mode, 'draft', :o, :c, :now, :region) "
           "RETURNING id",
        soci::use(c.slug), soci::use(c.title), soci::use(c.theme), soci::use(c.summary), soci::use(c.description),
        soci::use(c.territory_types), soci::use(fac, fac_ind), soci::use(capacity), soci::use(c.mode),
        soci::use(opens, opens_ind), soci::use(closes, closes_ind), soci::use(created_at), soci::use(c.region_code),
        soci::into(id);
    return id;
}

void update_cycle_fields(soci::session& sql, long long cycle_id, const CycleFields& c) {
    const long long fac = c.facilitator_id, opens = c.opens_at, closes = c.closes_at;
    const int capacity = c.capacity;
    soci::indicator fac_ind = fac > 0 ? soci::i_ok : soci::i_null;
    soci::indicator opens_ind = opens > 0 ? soci::i_ok : soci::i_null;
    soci::indicator closes_ind = closes > 0 ? soci::i_ok : soci::i_null;
    sql << "UPDATE cycles SET slug = :slug, title = :title, theme = :theme, summary = :summary, "
           "description = :descr, territory_types = :types, facilitator_id = :fac, capacity = :cap, mode = :mode, "
           "registration_opens_at = :o, registration_closes_at = :c, region_code = :region WHERE id = :id",
        soci::use(c.slug), soci::use(c.title), soci::use(c.theme), soci::use(c.summary), soci::use(c.description),
        soci::use(c.territory_types), soci::use(fac, fac_ind), soci::use(capacity), soci::use(c.mode),
        soci::use(opens, opens_ind), soci::use(closes, closes_ind), soci::use(c.region_code), soci::use(cycle_id);
}

void mark_cycle_published(soci::session& sql, long long cycle_id) {
    sql << "UPDATE cycles SET status = 'published' WHERE id = :id", soci::use(cycle_id);
}

void mark_cycle_closed(soci::session& sql, long long cycle_id) {
    sql << "UPDATE cycles SET status = 'closed' WHERE id = :id", soci::use(cycle_id);
}

void insert_session(soci::session& sql, long long cycle_id, int number, long long starts_at, long long ends_at,
                    const std::string& visio_url) {
    sql << "INSERT INTO cycle_sessions (cycle_id, number, starts_at, ends_at, visio_url) VALUES (:c, :n, :s, :e, :v)",
        soci::use(cycle_id), soci::use(number), soci::use(starts_at), soci::use(ends_at), soci::use(visio_url);
}

void move_session(soci::session& sql, long long session_id, long long starts_at, long long ends_at,
                  const std::string& visio_url) {
    sql << "UPDATE cycle_sessions SET starts_at = :s, ends_at = :e, visio_url = :v, sequence = sequence + 1 "
           "WHERE id = :id",
        soci::use(starts_at), soci::use(ends_at), soci::use(visio_url), soci::use(session_id);
}

void set_session_visio(soci::session& sql, long long session_id, const std::string& visio_url) {
    sql << "UPDATE cycle_sessions SET visio_url = :v WHERE id = :id", soci::use(visio_url), soci::use(session_id);
}

void delete_session(soci::session& sql, long long session_id) {
    sql << "DELETE FROM cycle_sessions WHERE id = :id", soci::use(session_id);
}

void negate_session_numbers(soci::session& sql, long long cycle_id) {
    sql << "UPDATE cycle_sessions SET number = -number WHERE cycle_id = :c", soci::use(cycle_id);
}

void set_session_number(soci::session& sql, long long session_id, int number) {
    sql << "UPDATE cycle_sessions SET number = :n WHERE id = :id", soci::use(number), soci::use(session_id);
}

}  // namespace ateliers::store
