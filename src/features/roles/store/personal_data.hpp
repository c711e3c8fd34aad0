#pragma once
// Invitations sent to a person's address, for "Mes données" and erasure.
#include <soci/soci.h>

#include <vector>

#include "platform/privacy/personal_data.hpp"

namespace ateliers::store {

std::vector<privacy::DataTable> roles_personal_tables(soci::session& sql, long long user_id);
// Invitations to the person's address go (used or not, they hold the address).
void forget_role_invitations(soci::session& sql, long long user_id);

}  // namespace ateliers::store
