#pragma once
// Running a cycle (the facilitator's space, /animation): session plans, the live
// runner and its event streams, breakout groups, attendance, situations.
#include "platform/modules/module.hpp"

namespace ateliers::running {
modules::Module module();
}
