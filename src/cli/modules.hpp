#pragma once
// The modules of this installation, in the order their routes are tried.
#include "platform/modules/module.hpp"

namespace ateliers::cli {
modules::Registry all_modules();
}
