#pragma once
// Per-site secrets generated on first use and kept in the database, so that every
// `ateliers serve` process of one site (behind one proxy, on one PostgreSQL) agrees.
#include <string>

#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

// The secret called `name`, created at random the first time anyone asks.
Result<std::string> server_secret(store::Database& db, const std::string& name);

}  // namespace ateliers::services
