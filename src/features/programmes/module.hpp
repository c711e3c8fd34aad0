#pragma once
// Accompaniment programmes (Territoires d'engagement over three years): the programme's
// page, each territory's workspace, the know-how grid and the diagnostic.
#include "platform/modules/module.hpp"

namespace ateliers::programmes {
modules::Module module();
}
