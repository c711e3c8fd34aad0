#pragma once
// Reports for the agency: one cycle's report and the dashboard across cycles, with
// their exports.
#include "platform/modules/module.hpp"

namespace ateliers::reports {
modules::Module module();
}
