#pragma once
// Events with a programme (Journées des Territoires, Rencontres nationales): the public
// list and pages, registration with one workshop choice per slot, the programme's .ics.
#include "platform/modules/module.hpp"

namespace ateliers::events {
modules::Module module();
}
