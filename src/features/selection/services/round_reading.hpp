#pragma once
// Shared by the selection use cases (selection_rounds.cpp, selection_adjustments.cpp,
// selection_confirm.cpp): reading a round and computing its proposal, inside the
// caller's session or transaction.
#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <vector>

#include "features/selection/services/selection_rounds.hpp"

namespace ateliers::services::rounds {

Failure conflict(const std::string& message);

// The round's cycles, by title then id; `lock` as in store::find_cycle_by_id.
std::vector<store::CycleRow> round_cycles(soci::session& sql, store::Dialect dialect, std::int64_t closes_at,
                                          bool lock);

// Reads the round and computes the proposal; used by the page and, inside the
// confirming transaction, to check nothing changed.
Result<RoundProposal> build_proposal(soci::session& sql, store::Dialect dialect, std::int64_t closes_at, bool lock);

// "12 janvier 2027 à 18:00".
std::string deadline_text(std::int64_t closes_at);

}  // namespace ateliers::services::rounds
