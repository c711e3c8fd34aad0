#pragma once
// The breakout groups of each session, as composed (read through
// registration/store/roster.hpp with the rest of the cycle's roster).
#include <soci/soci.h>

namespace ateliers::store {

void clear_session_groups(soci::session& sql, long long session_id);
void insert_session_group_member(soci::session& sql, long long session_id, long long registration_id,
                                 int group_number, bool is_client, bool locked);
// The member may be moved again by the next composition.
void unlock_session_group_member(soci::session& sql, long long session_id, long long registration_id);

}  // namespace ateliers::store
