#pragma once
// Public-sector identity: signing in with ProConnect, the State's OpenID Connect
// federation for public agents (docs/identity.md). Without settings, it offers nothing.
#include "features/identity/domain/proconnect_rules.hpp"
#include "platform/modules/module.hpp"

namespace ateliers::identity {
modules::Module module(ProConnectSettings settings);
}
