#pragma once
// The modules of this installation, in the order their routes are tried.
#include "platform/modules/module.hpp"

namespace ateliers::cli {

struct ModuleSettings {
    int retention_months = 24;  // --retention-months: personal texts of ended cycles
};

modules::Registry all_modules(const ModuleSettings& settings = {});

}  // namespace ateliers::cli
