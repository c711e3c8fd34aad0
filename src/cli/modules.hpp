#pragma once
// The modules of this installation, in the order their routes are tried.
#include "features/identity/domain/proconnect_rules.hpp"
#include "platform/files/file_storage.hpp"
#include "platform/modules/module.hpp"

namespace ateliers::cli {

// What `serve` configures in the modules (the other commands take the defaults).
struct ModuleSettings {
    int retention_months = 24;                 // --retention-months: personal texts of ended cycles
    identity::ProConnectSettings proconnect;  // --proconnect-*: none, no ProConnect button
    files::FileStorage files;                  // --files-dir: uploaded documents and evidence
};

modules::Registry all_modules(const ModuleSettings& settings = {});

}  // namespace ateliers::cli
