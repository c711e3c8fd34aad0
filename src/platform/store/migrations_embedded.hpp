#pragma once
// Defined in a file CMake generates from src/platform/store/migrations/*.sql, so the binary
// carries its schema and needs no source tree to migrate.
#include <string_view>
#include <vector>

namespace ateliers::store {

struct EmbeddedMigration {
    std::string_view name;
    std::string_view sql;
};

const std::vector<EmbeddedMigration>& embedded_migrations();

}  // namespace ateliers::store
