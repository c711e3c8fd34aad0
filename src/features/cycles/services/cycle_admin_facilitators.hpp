#pragma once
// A cycle's facilitator and the account that runs the cycle for them: the link from a
// facilitator to an account, and the role "facilitator" scoped to each cycle, kept in
// step so that an account acts on a cycle only while it is its facilitator's account.
// Helpers of the cycle use cases, inside the caller's transaction.
#include <soci/soci.h>

#include <string>

#include "platform/core/result.hpp"

namespace ateliers::services::facilitators {

// The account linked to a facilitator, 0 when none (or no facilitator).
long long linked_user(soci::session& sql, long long facilitator_id);

void grant_role(soci::session& sql, long long user_id, long long cycle_id);
void revoke_role(soci::session& sql, long long user_id, long long cycle_id);

// Makes the account named by `email` (normalised) the facilitator's account. `current`
// is the cycle's facilitator before the edit (0 for a new cycle): when the form keeps
// it and the e-mail field was emptied, its account is unlinked; when the form names
// another facilitator, an e-mail still equal to the previous facilitator's account is
// the stale pre-filled field and is ignored. A change of account moves the role on
// every cycle of that facilitator from the old account to the new one, and only there.
// A failure carries the form field.
Status link_account(soci::session& sql, long long actor_id, long long facilitator_id, const std::string& email,
                    long long current);

}  // namespace ateliers::services::facilitators
