#pragma once
// Internals of the breakout groups solver shared by its two sources:
// breakout_groups.cpp checks problems and knows the bounds and the affine
// design, breakout_groups_search.cpp searches.
#include "features/running/domain/breakout_groups.hpp"

#include <cstdint>
#include <optional>

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

// GF(q), q a prime power up to 256; elements 0..q-1 read as base-p
// polynomials, tables indexed a * q + b.
struct Field {
    std::vector<int> add, mul;
};
std::optional<Field> finite_field(int q);

// The first `weeks` rounds (or fewer) of an affine resolvable design for G
// groups of S golfers numbered 0..G*S-1; empty unless G is a prime power and
// 2 <= S <= G.
std::vector<Round> affine_rounds(int groups, int size, int weeks);

// The first `weeks` rounds of a resolvable design developed from base weeks
// by an abelian group (breakout_groups_starter.cpp), golfers numbered
// 0..G*S-1; empty when none is found within `node_budget` search nodes.
// Deterministic for a seed.
std::vector<Round> starter_rounds(int groups, int size, int weeks, std::uint64_t seed, std::int64_t node_budget);

// Greedy start + tabu search on swaps; fills rounds, lower_bound, iterations
// and stopped_by_time (the caller scores the rounds and plans the clients).
Plan search(const Problem& problem, const Options& options, std::vector<SessionLayout> layouts);

}  // namespace ateliers::groups
