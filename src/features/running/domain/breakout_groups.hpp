#pragma once
// Breakout groups for a cycle of co-development sessions: who sits with whom at
// each session, and whose situation each group treats (the "client").
//
// Objective, lexicographic (a plan is better when the first differing count is
// lower, in this order):
//   1. same_collectivite_pairs: two people of one collectivité in a group talk
//      shop instead of helping each other; hard wherever a split exists;
//   2. groups_without_mix: a group lacking an élu or an agent loses the point
//      of view the cycle is about;
//   3. repeated_pairs: every extra meeting of a pair (a pair meeting three
//      times counts 2), i.e. the Social Golfer problem (CSPLib prob010).
// Clients are planned afterwards, on the chosen groups, by an exact maximum
// matching: each participant is client at most once, and exactly once when the
// group slots allow it.
//
// Sessions and groups are numbered from 0. Pure: no I/O; the only clock read
// is the optional time limit. Deterministic for a given seed unless the time
// limit cuts the search.
#include "platform/core/result.hpp"

#include <chrono>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ateliers::groups {

enum class Role { unspecified, elu, agent };

struct Lock {
    int session = 0;
    int group = 0;
};

struct Participant {
    std::string id;
    Role role = Role::unspecified;  // unspecified only for the pure golfer problem
    std::string collectivite;       // empty: attached to none, never in conflict
    std::vector<int> absent;        // sessions this participant misses
    std::vector<Lock> locks;        // at most one per session
};

using Group = std::vector<int>;  // indices into Problem::participants
using Round = std::vector<Group>;
using Clients = std::vector<int>;  // per group: participant index, -1 when none

struct Problem {
    std::vector<Participant> participants;
    int groups = 0;    // per session
    int sessions = 0;  // whole cycle, past sessions included
    // Re-planning: sessions already held, kept as given and counted as met.
    // Locks and absences that fall on them are ignored.
    std::vector<Round> past;
    std::vector<Clients> past_clients;  // empty, or one entry per past round
};

struct Options {
    std::uint64_t seed = 1;
    // Safety net; a run it cuts short is no longer reproducible.
    std::chrono::milliseconds time_limit{60'000};
    std::int64_t max_iterations = 20'000'000;
    // Gives up after this many iterations without a better plan (0: never):
    // most real cycles cannot reach Plan::lower_bound, which would otherwise
    // be the only stop before the time limit.
    std::int64_t patience = 25'000;
    // Start pure golfer instances from a resolvable design when one is known
    // or found: the affine plane (groups a prime power, size <= groups), or
    // base weeks developed by a group (breakout_groups_starter.cpp).
    bool construction = true;
    // Search nodes allowed for the base weeks (about a second per million);
    // counted, not timed, so that a seed always gives the same plan.
    std::int64_t construction_nodes = 3'000'000;
};

struct Score {
    std::int64_t same_collectivite_pairs = 0;
    std::int64_t groups_without_mix = 0;
    std::int64_t repeated_pairs = 0;
    auto operator<=>(const Score&) const = default;  // field order is the priority
};

struct Plan {
    std::vector<Round> rounds;     // every session, past ones first and unchanged
    std::vector<Clients> clients;  // parallel to rounds
    Score score;
    Score lower_bound;             // proven: no plan can do better
    std::int64_t iterations = 0;
    bool stopped_by_time = false;
};

// Checks the problem before any search; messages name the faulty entry.
Status validate(const Problem& problem);

Result<Plan> solve(const Problem& problem, const Options& options);

// Recomputes the three counts of any rounds (past ones included).
Score evaluate(const Problem& problem, const std::vector<Round>& rounds);

// Maximum matching of participants to the (session, group) slots they sit in,
// for the sessions after the past ones; past clients are kept and not reused.
std::vector<Clients> plan_clients(const Problem& problem, const std::vector<Round>& rounds);

// Pure Social Golfer instances: G groups of S golfers over W weeks, golfers
// numbered 1..G*S (participant index + 1).
struct GolfersSpec {
    int groups = 0;
    int size = 0;
    int weeks = 0;
};
Result<GolfersSpec> parse_golfers_spec(std::string_view text);  // "G-S-W", e.g. "8-4-9"
Problem golfers_problem(const GolfersSpec& spec);
Result<Plan> golfers(int groups, int size, int weeks, std::uint64_t seed,
                     std::chrono::milliseconds time_limit);

}  // namespace ateliers::groups
