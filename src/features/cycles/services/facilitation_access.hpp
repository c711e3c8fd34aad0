#pragma once
// Who may run a cycle's sessions (plans, live runner, groups, attendance): the
// organisers and admins, a person given the role "facilitator" for that cycle, and
// the account linked to the cycle's named facilitator.
#include <string>

#include "platform/auth/accounts.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

bool can_facilitate(store::Database& db, const CurrentUser& user, const std::string& cycle_slug);

// A draft cycle exists only for those who may run it: to anyone else it must look like
// a slug never used, since a "forbidden" answer would confirm its slug (its title)
// before it is announced.
bool is_hidden_draft(store::Database& db, const CurrentUser& user, const std::string& cycle_slug);

}  // namespace ateliers::services
