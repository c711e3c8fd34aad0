#pragma once
// Reading route parameters out of a request path.
#include <optional>
#include <string>
#include <vector>

namespace ateliers::web {

// "/cycles/foret/inscription" -> {"cycles", "foret", "inscription"}.
std::vector<std::string> path_segments(const std::string& path);

// A database id in a path segment: digits only, so "12abc" or "-1" are not ids.
std::optional<long long> path_id(const std::string& segment);

}  // namespace ateliers::web
