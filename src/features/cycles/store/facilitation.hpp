#pragma once
// Who may run a cycle's sessions, as the cycles' table says it.
#include <soci/soci.h>

#include <string>

namespace ateliers::store {

// Whether the person is the facilitator linked to the cycle.
bool is_linked_facilitator(soci::session& sql, const std::string& cycle_slug, long long user_id);

// Whether the cycle exists and is a draft.
bool is_draft_cycle(soci::session& sql, const std::string& cycle_slug);

}  // namespace ateliers::store
