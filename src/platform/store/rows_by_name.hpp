#pragma once
// Reading soci::row columns by name (see rows.hpp for the types and NULLs): an
// expression needs an alias (`COALESCE(x, 0) AS x`); names are lower case, as
// PostgreSQL folds them. An unknown name throws.
#include "platform/store/rows.hpp"

namespace ateliers::store {

long long as_int(const soci::row& r, const std::string& column);
std::optional<long long> as_optional_int(const soci::row& r, const std::string& column);
std::string as_text(const soci::row& r, const std::string& column);

}  // namespace ateliers::store
