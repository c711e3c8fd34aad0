#pragma once
// The project method of the Fabrique des Transitions: territorial projects, their staged
// deliverables, reviews (docs/projects.md).
#include "platform/modules/module.hpp"

namespace ateliers::projects {

modules::Module module();

}  // namespace ateliers::projects
