#pragma once
// A person's registrations to cycles and seat alerts, for "Mes données" and erasure.
#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <vector>

#include "platform/privacy/personal_data.hpp"

namespace ateliers::store {

std::vector<privacy::DataTable> registration_personal_tables(soci::session& sql, long long user_id);
// The cycles where the person still holds or awaits a seat and a session is still to end.
std::vector<std::string> cycles_still_running_for(soci::session& sql, long long user_id, std::int64_t now);
// Situations and functions blanked, seat alerts dropped; collectivité, mandate, status stay.
void forget_registration_texts(soci::session& sql, long long user_id);

// The registrations of cycles whose last session ended before `ended_before`, as a
// subquery bound to :ended_before (the retention rule's one home: the running and
// feedback stores select their rows through it).
inline constexpr const char* registrations_of_cycles_ended_before =
    "SELECT r.id FROM registrations r WHERE r.cycle_id IN (SELECT s.cycle_id FROM cycle_sessions s "
    "GROUP BY s.cycle_id HAVING MAX(s.ends_at) < :ended_before)";
// Blanks situations and functions of those registrations; how many changed.
int expire_registration_texts(soci::session& sql, std::int64_t ended_before);

}  // namespace ateliers::store
