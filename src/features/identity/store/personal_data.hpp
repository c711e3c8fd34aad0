#pragma once
// What ProConnect told us about a person, and organisers' decisions on their
// collectivité, for "Mes données" and erasure.
#include <soci/soci.h>

#include <vector>

#include "platform/privacy/personal_data.hpp"

namespace ateliers::store {

std::vector<privacy::DataTable> identity_personal_tables(soci::session& sql, long long user_id);
// The ProConnect identity goes; organisers' decisions stay with the (anonymised) account.
void forget_proconnect_identity(soci::session& sql, long long user_id);

}  // namespace ateliers::store
