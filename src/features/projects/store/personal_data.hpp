#pragma once
// A person's project memberships and what they wrote or decided on deliverables, for
// "Mes données" and erasure.
#include <soci/soci.h>

#include <vector>

#include "platform/privacy/personal_data.hpp"

namespace ateliers::store {

std::vector<privacy::DataTable> project_personal_tables(soci::session& sql, long long user_id);
// Memberships end; answers and reviews stay in the project's file, which they belong
// to, signed "Compte effacé" instead of the person's name or address.
void forget_project_member(soci::session& sql, long long user_id);

}  // namespace ateliers::store
