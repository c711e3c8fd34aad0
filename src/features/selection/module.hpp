#pragma once
// Selection rounds of the cycles "sur candidature": a proposed selection balanced by
// territory, adjusted and confirmed by the organisers.
#include "platform/modules/module.hpp"

namespace ateliers::selection {
modules::Module module();
}
