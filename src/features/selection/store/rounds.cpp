#include "features/selection/store/rounds.hpp"

#include "features/registration/store/waiting_list.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::store {

std::vector<long long> round_deadlines(soci::session& sql) {
    std::vector<long long> deadlines;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT DISTINCT registration_closes_at FROM cycles WHERE mode = 'application' AND "
                        "status IN ('published', 'closed') AND registration_closes_at IS NOT NULL "
                        "ORDER BY registration_closes_at DESC");
    for (const auto& r : rows) deadlines.push_back(as_int(r, "registration_closes_at"));
    return deadlines;
}

std::vector<long long> round_cycle_ids(soci::session& sql, long long closes_at) {
    std::vector<long long> ids;
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT id FROM cycles WHERE mode = 'application' AND "
                                                   "status IN ('published', 'closed') AND registration_closes_at = :d "
                                                   "ORDER BY title, id",
                                    soci::use(closes_at));
    for (const auto& r : rows) ids.push_back(as_int(r, "id"));
    return ids;
}

std::vector<long long> applicant_user_ids(soci::session& sql, long long cycle_id) {
    std::vector<long long> out;
    soci::rowset<soci::row> who = (sql.prepare << "SELECT user_id FROM registrations WHERE cycle_id = :c "
                                                  "AND status = 'applied'",
                                   soci::use(cycle_id));
    for (const auto& r : who) out.push_back(as_int(r, "user_id"));
    return out;
}

std::vector<long long> pending_applications(soci::session& sql, long long cycle_id, long long user_id) {
    std::vector<long long> ids;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id FROM registrations WHERE cycle_id = :c AND user_id = :u AND status = 'applied'",
         soci::use(cycle_id, "c"), soci::use(user_id, "u"));
    for (const auto& r : rows) ids.push_back(as_int(r, "id"));
    return ids;
}

std::vector<RoundRegistrationRow> round_registrations(soci::session& sql, long long cycle_id) {
    std::vector<RoundRegistrationRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(admin_registration_select) +
                            ", r.user_id, r.choice_rank, r.priority_override, r.selection_pin, "
                            "r.selection_excluded" +
                            admin_registration_from +
                            "WHERE r.cycle_id = :c AND r.status IN ('applied', 'confirmed') ORDER BY r.arrival, r.id",
         soci::use(cycle_id));
    for (const auto& r : rows) {
        RoundRegistrationRow reg;
        reg.row = read_admin_registration(r);
        reg.user_id = as_int(r, "user_id");
        reg.choice_rank = static_cast<int>(as_int(r, "choice_rank"));
        reg.priority_override = as_optional_int(r, "priority_override");
        reg.pinned = as_int(r, "selection_pin") != 0;
        reg.excluded = as_int(r, "selection_excluded") != 0;
        out.push_back(std::move(reg));
    }
    return out;
}

std::pair<std::optional<long long>, std::optional<long long>> cycle_minimums(soci::session& sql, long long cycle_id) {
    soci::row r;
    sql << "SELECT min_elus, min_agents FROM cycles WHERE id = :id", soci::use(cycle_id), soci::into(r);
    return {as_optional_int(r, "min_elus"), as_optional_int(r, "min_agents")};
}

void set_cycle_minimums(soci::session& sql, long long cycle_id, std::optional<long long> min_elus,
                        std::optional<long long> min_agents) {
    const long long e = min_elus.value_or(0), a = min_agents.value_or(0);
    soci::indicator ei = min_elus ? soci::i_ok : soci::i_null, ai = min_agents ? soci::i_ok : soci::i_null;
    sql << "UPDATE cycles SET min_elus = :e, min_agents = :a WHERE id = :id", soci::use(e, ei, "e"),
        soci::use(a, ai, "a"), soci::use(cycle_id, "id");
}

void set_selection_pin(soci::session& sql, long long registration_id, int pin, long long now) {
    sql << "UPDATE registrations SET selection_pin = :p, selection_excluded = 0, updated_at = :t WHERE id = :id",
        soci::use(pin, "p"), soci::use(now, "t"), soci::use(registration_id, "id");
}

void set_selection_excluded(soci::session& sql, long long registration_id, int excluded, long long now) {
    sql << "UPDATE registrations SET selection_excluded = :x, selection_pin = 0, updated_at = :t WHERE id = :id",
        soci::use(excluded, "x"), soci::use(now, "t"), soci::use(registration_id, "id");
}

void set_priority_override(soci::session& sql, long long registration_id, std::optional<long long> priority,
                           long long now) {
    const long long value = priority.value_or(0);
    soci::indicator ind = priority ? soci::i_ok : soci::i_null;
    sql << "UPDATE registrations SET priority_override = :p, updated_at = :t WHERE id = :id",
        soci::use(value, ind, "p"), soci::use(now, "t"), soci::use(registration_id, "id");
}

void seat_selected(soci::session& sql, long long registration_id, int seat, const std::string& collectivite_id,
                   long long now) {
    sql << "UPDATE registrations SET status = 'confirmed', seat = :s, collectivite_slot = :k, "
           "selection_pin = 0, updated_at = :t WHERE id = :id",
        soci::use(seat, "s"), soci::use(collectivite_id, "k"), soci::use(now, "t"), soci::use(registration_id, "id");
}

void put_on_waiting_list(soci::session& sql, long long registration_id, long long arrival, long long now) {
    sql << "UPDATE registrations SET status = 'waiting', arrival = :a, collectivite_slot = NULL, "
           "updated_at = :t WHERE id = :id",
        soci::use(arrival, "a"), soci::use(now, "t"), soci::use(registration_id, "id");
}

int decline_pending_applications(soci::session& sql, long long cycle_id, long long now) {
    long long closed = 0;
    sql << "SELECT COUNT(*) FROM registrations WHERE cycle_id = :c AND status = 'applied'", soci::use(cycle_id),
        soci::into(closed);
    sql << "UPDATE registrations SET status = 'declined', updated_at = :t WHERE cycle_id = :c AND status = "
           "'applied'",
        soci::use(now, "t"), soci::use(cycle_id, "c");
    return static_cast<int>(closed);
}

}  // namespace ateliers::store
