#pragma once
// Reading soci::row columns whatever type each backend reports (SQLite and
// PostgreSQL disagree on INTEGER vs BIGINT, and on expressions), NULL as empty.
#include <soci/soci.h>

#include <optional>
#include <string>

namespace ateliers::store {

long long as_int(const soci::row& r, std::size_t i);
std::optional<long long> as_optional_int(const soci::row& r, std::size_t i);
std::string as_text(const soci::row& r, std::size_t i);

// The same by column name, so a reader does not depend on the SELECT's column order:
// give every expression an alias (`COALESCE(x, 0) AS x`). Throws if the row has no such
// column.
std::size_t column_index(const soci::row& r, const std::string& column);
long long as_int(const soci::row& r, const std::string& column);
std::optional<long long> as_optional_int(const soci::row& r, const std::string& column);
std::string as_text(const soci::row& r, const std::string& column);

}  // namespace ateliers::store
