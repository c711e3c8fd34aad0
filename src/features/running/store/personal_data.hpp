#pragma once
// What a person wrote during the live sessions (ideas, action leads), for "Mes données"
// and erasure.
#include <soci/soci.h>

#include <cstdint>
#include <vector>

#include "platform/privacy/personal_data.hpp"

namespace ateliers::store {

std::vector<privacy::DataTable> live_personal_tables(soci::session& sql, long long user_id);
// The texts blanked; the rows stay, so the reports still count ideas and leads.
void forget_live_texts(soci::session& sql, long long user_id);
// The same for every registration of the cycles ended before `ended_before`.
int expire_live_texts(soci::session& sql, std::int64_t ended_before);

}  // namespace ateliers::store
