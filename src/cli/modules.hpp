#pragma once
// The modules of this installation, in the order their routes are tried.
#include "features/identity/domain/proconnect_rules.hpp"
#include "platform/modules/module.hpp"

namespace ateliers::cli {

// What `serve` configures in the modules (the other commands take the defaults).
struct ModuleSettings {
    int retention_months = 24;                 // --retention-months: personal texts of ended cycles
    identity::ProConnectSettings proconnect;  // --proconnect-*: none, no ProConnect button
};

modules::Registry all_modules(const ModuleSettings& settings = {});

}  // namespace ateliers::cli
