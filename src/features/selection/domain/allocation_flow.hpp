#pragma once
// Flow relaxations of a round, solved lexicographically with LEMON's
// NetworkSimplex. Internal to the allocation solver (allocation.cpp), which
// explains why relaxations are needed and how branching makes them exact.
#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "features/selection/domain/allocation.hpp"

namespace ateliers::allocation::flow {

int role_index(Role role);  // 0 for élus, 1 for agents

// A mixed pair is a (cycle, collectivité) pair wanted by both an élu and an
// agent. Its rule, one applicant whatever the role, is not a flow; two
// relaxations of it are:
//   shared: one capacity-1 node whose unit may credit either role's bonus, so
//           it can only overstate the balance (every pair starts shared);
//   split:  one capacity-1 node per role, each crediting its own role, so it
//           can only seat two applicants of the collectivité.
struct Ban {
    std::size_t pair = 0;
    int role = 0;  // role_index of the role the pair may not take
};

// One branch-and-bound node: roles banned from some mixed pairs, and the mixed
// pairs relaxed the split way.
struct Subproblem {
    std::vector<Ban> bans;
    std::vector<std::size_t> split;
};

struct Relaxed {
    Selection selection;  // always feasible
    Objective value;      // of `selection`
    Objective bound;      // no feasible selection of the subproblem beats it
    std::vector<std::size_t> misrouted;  // shared pairs that credited a bonus nobody earned
    std::optional<Ban> branch;           // a split pair that seated both roles, the dropped role first
    std::vector<Ban> rounding;           // bans making each seated shared pair seat the role it credited
};

class Relaxation {
public:
    // `round` and `arrival` must outlive the relaxation.
    Relaxation(const Round& round, const std::vector<long long>& arrival, long double merged_cost_limit);
    ~Relaxation();
    Relaxation(const Relaxation&) = delete;
    Relaxation& operator=(const Relaxation&) = delete;

    // Stops early, with a partial bound, once even the best values of the
    // levels left cannot beat `incumbent`. Not const: buffers are reused.
    Relaxed solve(const Subproblem& node, const std::optional<Objective>& incumbent);

    // No selection can fill more than `seats`: sending no more units keeps split
    // pairs from overstating the seats filled.
    void cap_filled(long long seats);

    std::size_t arcs() const;  // size of the network, the unit of solving work

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace ateliers::allocation::flow
