#pragma once
// Where the checkout lives (templates/, static/, data/, node_modules/): the default for
// assets and data paths when no flag or environment variable names another place.
#include <string>

namespace ateliers {

std::string source_dir();

}  // namespace ateliers
