#pragma once
// `ateliers load-grid FILE`: publishes a new version of the know-how grid (a JSON file
// like data/programmes/grille-savoir-faire-v1.json). Once loaded, a version never changes:
// new diagnostics and reviews take the newest by default, the ANCT may start one on an
// older version, and answers stay attached to the version they were given against.
// Exit 2 on an invalid file, 1 when the database cannot be opened.
#include "platform/core/cli_command.hpp"

namespace ateliers::programmes {

modules::CliCommand load_grid_command();

}  // namespace ateliers::programmes
