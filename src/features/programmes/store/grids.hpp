#pragma once
// The know-how grid's versions in tables (grid_versions, grid_families, grid_criteria,
// grid_levels, grid_criterion_levels), read back as the domain's Grid.
#include <soci/soci.h>

#include <optional>
#include <vector>

#include "features/programmes/domain/grid.hpp"

namespace ateliers::store {

// Stores a parsed grid as a new version; returns its id.
long long insert_grid(soci::session& sql, const programmes::Grid& grid, long long now);
std::optional<long long> grid_id_of_version(soci::session& sql, int version);
std::optional<programmes::Grid> load_grid(soci::session& sql, long long grid_version_id);
// Every stored version, the newest first.
std::vector<programmes::GridVersionInfo> grid_versions(soci::session& sql);
// The highest version: the default for new assessments.
std::optional<programmes::Grid> latest_grid(soci::session& sql);

}  // namespace ateliers::store
