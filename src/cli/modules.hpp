#pragma once
// The modules of this installation, in the order their routes are tried.
#include "features/identity/domain/proconnect_rules.hpp"
#include "platform/modules/module.hpp"

namespace ateliers::cli {
// `proconnect`: the ProConnect settings of `serve` (none for the other commands).
modules::Registry all_modules(const identity::ProConnectSettings& proconnect = {});
}
