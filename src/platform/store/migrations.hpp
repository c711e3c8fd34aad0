#pragma once
#include "platform/store/database.hpp"

namespace ateliers::store {

// Applies, in order and each in its own transaction, the embedded migrations
// not yet recorded in schema_migrations. Returns how many were applied.
Result<int> migrate(Database& db);

}  // namespace ateliers::store
