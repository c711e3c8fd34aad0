#pragma once
// Who may do what: the one place the platform's roles are read. Roles come with the
// account (CurrentUser::roles): "organiser", "admin", "facilitator:<cycle id>".
#include <string>

#include "platform/auth/accounts.hpp"

namespace ateliers::permissions {

// The ANCT team: creates and publishes cycles, decides on registrations, reads reports.
bool can_organise(const services::CurrentUser& user);
// Given the facilitator role on that cycle (an organiser may run every cycle; an
// account linked to the cycle's named facilitator is checked by the cycles module).
bool has_facilitator_role(const services::CurrentUser& user, long long cycle_id);
// May open the facilitator's space at all: organiser, or facilitator of some cycle.
bool facilitates_by_role(const services::CurrentUser& user);

}  // namespace ateliers::permissions
