#include "platform/core/source_dir.hpp"

namespace ateliers {

// Defined for this file alone (CMakeLists.txt): a path in every translation unit's flags
// would make each checkout's compiler cache miss on every file.
std::string source_dir() { return ATELIERS_SOURCE_DIR; }

}  // namespace ateliers
