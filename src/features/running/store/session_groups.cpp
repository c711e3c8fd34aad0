#include "features/running/store/session_groups.hpp"

namespace ateliers::store {

void clear_session_groups(soci::session& sql, long long session_id) {
    sql << "DELETE FROM session_groups WHERE session_id = :s", soci::use(session_id);
}

void insert_session_group_member(soci::session& sql, long long session_id, long long registration_id,
                                 int group_number, bool is_client, bool locked) {
    const int client = is_client ? 1 : 0;
    const int lock = locked ? 1 : 0;
    sql << "INSERT INTO session_groups (session_id, registration_id, group_number, is_client, locked) "
           "VALUES (:s, :r, :g, :c, :l)",
        soci::use(session_id), soci::use(registration_id), soci::use(group_number), soci::use(client),
        soci::use(lock);
}

void unlock_session_group_member(soci::session& sql, long long session_id, long long registration_id) {
    sql << "UPDATE session_groups SET locked = 0 WHERE session_id = :s AND registration_id = :r",
        soci::use(session_id), soci::use(registration_id);
}

}  // namespace ateliers::store
