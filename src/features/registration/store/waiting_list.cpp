#include "features/registration/store/waiting_list.hpp"

#include <algorithm>

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

const char* const waiting_list_order = "r.arrival, r.id";

const char* const waiting_ahead_of_new_arrival =
    "(SELECT COUNT(*) FROM registrations w WHERE w.cycle_id = :wait_cycle AND w.status = 'waiting' "
    "AND w.arrival <= :wait_arrival)";

int waiting_position(soci::session& sql, long long cycle_id, long long registration_id) {
    // Ahead of `me`: arrived earlier, or in the same millisecond with a smaller id
    // (the comparison form of waiting_list_order).
    long long ahead = 0;
    execute(sql,
            "SELECT COUNT(*) FROM registrations w JOIN registrations me ON me.id = :id "
            "WHERE w.cycle_id = :c AND w.status = 'waiting' AND (w.arrival < me.arrival OR "
            "(w.arrival = me.arrival AND w.id < me.id))",
            soci::use(registration_id, "id"), soci::use(cycle_id, "c"), soci::into(ahead));
    return static_cast<int>(ahead) + 1;
}

std::optional<NextInLine> next_in_line(soci::session& sql, long long cycle_id) {
    soci::row next;
    sql << "SELECT r.id, u.email, u.full_name FROM registrations r JOIN users u ON u.id = r.user_id "
           "WHERE r.cycle_id = :c AND r.status = 'waiting' ORDER BY " +
               std::string(waiting_list_order) + " LIMIT 1",
        soci::use(cycle_id), soci::into(next);
    if (!sql.got_data()) return std::nullopt;
    return NextInLine{as_int(next, "id"), as_text(next, "email"), as_text(next, "full_name")};
}

int waiting_count(soci::session& sql, long long cycle_id) {
    long long others = 0;
    sql << "SELECT COUNT(*) FROM registrations WHERE cycle_id = :c AND status = 'waiting'", soci::use(cycle_id),
        soci::into(others);
    return static_cast<int>(others);
}

long long arrival_at_end_of_line(soci::session& sql, long long cycle_id, long long now_ms) {
    long long last_arrival = 0;
    sql << "SELECT COALESCE(MAX(arrival), 0) FROM registrations WHERE cycle_id = :c", soci::use(cycle_id),
        soci::into(last_arrival);
    return std::max<long long>(now_ms, last_arrival + 1);
}

long long arrival_after_waiting_list(soci::session& sql, long long cycle_id, long long now_ms) {
    long long last = 0;
    sql << "SELECT COALESCE(MAX(arrival), 0) FROM registrations WHERE cycle_id = :c AND status = 'waiting'",
        soci::use(cycle_id), soci::into(last);
    return std::max<long long>(now_ms, last + 1);
}

}  // namespace ateliers::store
