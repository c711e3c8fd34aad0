#pragma once
// Registrations: the form and seat alerts, the personal space (/espace), the
// organisers' decisions and exports, the registration API.
#include "platform/modules/module.hpp"

namespace ateliers::registration {
modules::Module module();
}
