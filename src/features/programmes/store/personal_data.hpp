#pragma once
// A person's memberships of programmes and what they wrote in territories' workspaces,
// for "Mes données" and erasure.
#include <soci/soci.h>

#include <vector>

#include "platform/privacy/personal_data.hpp"

namespace ateliers::store {

std::vector<privacy::DataTable> programme_personal_tables(soci::session& sql, long long user_id);
// Memberships (and so access) end; follow-ups and notes stay in the territory's dossier,
// which they belong to, without the author's name.
void forget_programme_member(soci::session& sql, long long user_id);

}  // namespace ateliers::store
