#pragma once
// Organisers' tools for people: platform roles given and taken away in the web interface
// (/admin/roles), invitations of facilitators and providers by e-mail (/invitation/…).
#include "platform/modules/module.hpp"

namespace ateliers::roles {
modules::Module module();
}
