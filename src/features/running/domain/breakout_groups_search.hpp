#pragma once
// Internals of the breakout groups solver shared by its two sources:
// breakout_groups.cpp checks problems and knows the bounds and the affine
// design, breakout_groups_search.cpp searches.
#include "features/running/domain/breakout_groups.hpp"

namespace ateliers::groups {

// One session still to plan: who is there, who is locked where, and the
// balanced size each group starts with.
struct SessionLayout {
    std::vector<int> present;     // participant indices
    std::vector<int> lock_group;  // per participant: locked group, -1 when free
    std::vector<int> sizes;       // per group
};

// One layout per session after the past ones; fails when locks cannot fit.
Result<std::vector<SessionLayout>> session_layouts(const Problem& problem);

// What no plan can beat. `whole` covers every session; `planned` counts the
// same-collectivité pairs and unmixed groups of the sessions to plan only, and
// the repeated pairs of the whole cycle, as the search does.
struct Bounds {
    Score whole;
    Score planned;
    std::vector<std::int64_t> mix_floor;  // per session to plan
};
Bounds lower_bounds(const Problem& problem, const std::vector<SessionLayout>& layouts);

// The first `weeks` rounds (or fewer) of an affine resolvable design for G
// groups of S golfers numbered 0..G*S-1; empty unless G is a prime power and
// 2 <= S <= G.
std::vector<Round> affine_rounds(int groups, int size, int weeks);

// Greedy start + tabu search on swaps; fills rounds, lower_bound, iterations
// and stopped_by_time (the caller scores the rounds and plans the clients).
Plan search(const Problem& problem, const Options& options, std::vector<SessionLayout> layouts);

}  // namespace ateliers::groups
