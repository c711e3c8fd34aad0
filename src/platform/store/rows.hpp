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

}  // namespace ateliers::store
