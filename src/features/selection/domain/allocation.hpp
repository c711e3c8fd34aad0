#pragma once
// Selection of applicants for the cycles of one round in mode "sur candidature".
//
// Hard rules: a cycle takes at most its capacity, at most one applicant per
// collectivité, an applicant gets at most one seat in the round and only in a
// cycle they chose. Among the selections that respect them, the best one is
// chosen by comparing, in strict order (see Objective): seats filled, balance
// deficit, priority points, choice ranks, arrival ranks.
//
// The solver is exact. Why it is not a single min-cost flow, and how flow
// relaxations plus branching recover the exact optimum, is explained at the top
// of allocation.cpp; the flows themselves are in allocation_flow.cpp.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ateliers::allocation {

enum class Role { elu, agent };

struct Cycle {
    std::string id;
    long long capacity = 0;
    long long min_elus = 0;    // below this many élus the cycle counts as unbalanced
    long long min_agents = 0;  // same for agents
};

struct Applicant {
    std::string id;
    std::string collectivite;
    Role role = Role::agent;
    long long priority = 0;            // higher is served first
    std::vector<std::size_t> choices;  // indices into Round::cycles, first choice first
    // Seconds since the epoch (or any common scale). Applications without a date
    // come after every dated one, in input order.
    std::optional<double> arrival;
};

struct Round {
    std::vector<Cycle> cycles;
    std::vector<Applicant> applicants;
};

// The balance minimums when the organiser gave none: a third of the seats each.
long long default_minimum(long long capacity);

// Values of the five levels for one selection, as reported to the organiser.
struct Objective {
    long long filled = 0;           // maximised first
    long long balance_deficit = 0;  // then minimised
    long long priority = 0;         // then maximised
    long long choice_rank = 0;      // then minimised (first choice = 0)
    long long arrival_rank = 0;     // then minimised (earliest application = 0)
    bool operator==(const Objective&) const = default;
};

// True when `a` is strictly preferred to `b` under the lexicographic order.
bool better(const Objective& a, const Objective& b);

// For each applicant, the index of the cycle they get, if any.
using Selection = std::vector<std::optional<std::size_t>>;

// Position of each applicant when sorted by arrival, ties broken by id.
std::vector<long long> arrival_ranks(const Round& round);

Objective evaluate(const Round& round, const Selection& selection);
Objective evaluate(const Round& round, const Selection& selection, const std::vector<long long>& arrival_ranks);

// Empty when the selection respects every hard rule, else which one it breaks.
std::optional<std::string> broken_rule(const Round& round, const Selection& selection);

struct SolverOptions {
    // Proving the optimum can take exponential time when many collectivités
    // send an élu and an agent to the same cycles. Once the relaxations solved
    // add up to this many arcs, the best selection found is returned, with the
    // number of leading levels proven optimal. The default is a few seconds on
    // one core (some 25 relaxations of a 50,000-applicant round).
    long long work_budget = 5'000'000;
    // Several objective levels are merged into one flow cost when
    // max |arc cost| x node count stays under this bound, so that LEMON's
    // potentials (which start at 2^62) cannot overflow 64 bits.
    long double merged_cost_limit = 0x1p58L;
};

struct Solution {
    Selection selection;
    Objective objective;
    int proven_levels = 5;  // leading levels no selection can beat; 5: optimal
    long long relaxations = 0;  // flow relaxations solved, 1 when the first was already exact
};

// Pure: same round and options, same solution.
Solution optimise(const Round& round, const SolverOptions& options = {});

struct Assignment {
    std::string applicant;
    std::string cycle;
};

struct WaitingList {
    std::string cycle;
    std::vector<std::string> applicants;  // best placed first
};

struct Allocation {
    std::vector<Assignment> assignments;  // applicant input order
    std::vector<WaitingList> waiting;     // one per cycle, cycle input order
    Objective objective;
    int proven_levels = 5;  // see Solution
};

// Unselected applicants wait for each cycle they chose, ordered by priority
// (desc), then the rank they gave that cycle, then arrival.
Allocation to_allocation(const Round& round, const Solution& solution);

Allocation solve(const Round& round, const SolverOptions& options = {});

}  // namespace ateliers::allocation
