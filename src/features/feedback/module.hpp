#pragma once
// After a cycle: questionnaires and their invitations, testimonials, theme ideas.
#include "platform/modules/module.hpp"

namespace ateliers::feedback {
modules::Module module();
}
