#pragma once
// Workshop cycles: the catalogue and a cycle's page, calendars, the organisers' cycle
// forms and messages, the session reminders.
#include "platform/modules/module.hpp"

namespace ateliers::cycles {
modules::Module module();
}
