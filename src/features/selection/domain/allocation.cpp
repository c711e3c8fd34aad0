#include "features/selection/domain/allocation.hpp"
// Why the solver is not one min-cost flow. A seat must respect three capacity
// families at once: the applicant (one seat), the (cycle, collectivité) pair
// (one applicant) and the (cycle, role) count that measures the balance. A flow
// network enforces families nested along each unit's path; pairs and roles of a
// cycle cross as soon as a collectivité sends both an élu and an agent to the
// same cycle ("mixed pair"): behind the pair's capacity-1 node a unit no longer
// knows its role, and splitting the node by role loses the pair's capacity.
//
// Relaxations. Each mixed pair is relaxed one of two ways (allocation_flow.hpp):
// "shared" keeps the capacity but may credit the wrong role's bonus; "split"
// keeps the roles but may seat both. Every other rule is exact. Whatever the mix,
// the flow's lexicographic optimum bounds every feasible selection, and turning
// its selection into a feasible one (count roles right, drop one of a doubly
// seated pair) gives a candidate.
//
// Exactness. When the candidate falls short of the bound, either a shared pair
// credited a bonus nobody earned (we switch it to split and solve again: the
// same subproblem, another valid bound), or a split pair seated both roles (we
// branch: one child bans its élus, the other its agents; a feasible selection
// seats at most one of them, so it lies in a child, where the pair is exact).
// Best-first search ends once no open bound beats the best candidate met, so
// the result is optimal on all five levels. Shared pairs never overstate the
// seats filled, so the first relaxation gives the true maximum; later ones send
// no more units than that, which stops split pairs from overstating it.
//
// Budget. The problem crosses three capacity families and is hard in general:
// when many collectivités send an élu and an agent to the same cycles, the
// proof can take exponential time. Past a quarter of the work budget we dive
// for a good candidate (make the relaxation's credits real, repeatedly), and
// past the budget we return the best candidate with the number of leading
// levels proven optimal (its values equal the best open bound's). Typical
// rounds finish in two or three relaxations.
//
// Lexicographic order and 64 bits: see plan_stages and run_stage.
#include <algorithm>
#include <array>
#include <numeric>
#include <queue>
#include <tuple>

#include "features/selection/domain/allocation_flow.hpp"

namespace ateliers::allocation {

long long default_minimum(long long capacity) { return capacity / 3; }

bool better(const Objective& a, const Objective& b) {
    return std::tuple(-a.filled, a.balance_deficit, -a.priority, a.choice_rank, a.arrival_rank) <
           std::tuple(-b.filled, b.balance_deficit, -b.priority, b.choice_rank, b.arrival_rank);
}

std::vector<long long> arrival_ranks(const Round& round) {
    const auto& people = round.applicants;
    std::vector<std::size_t> order(people.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        const auto& a = people[x].arrival;
        const auto& b = people[y].arrival;
        if (a.has_value() != b.has_value()) return a.has_value();
        if (!a) return false;  // both undated: input order, kept by the stable sort
        if (*a != *b) return *a < *b;
        return people[x].id < people[y].id;
    });
    std::vector<long long> rank(people.size());
    for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = static_cast<long long>(i);
    return rank;
}

Objective evaluate(const Round& round, const Selection& selection, const std::vector<long long>& arrival) {
    Objective o;
    std::vector<std::array<long long, 2>> seated(round.cycles.size(), {0, 0});
    for (std::size_t i = 0; i < selection.size(); ++i) {
        if (!selection[i]) continue;
        const auto& a = round.applicants[i];
        const auto& wanted = a.choices;
        ++o.filled;
        o.priority += a.priority;
        o.choice_rank += std::find(wanted.begin(), wanted.end(), *selection[i]) - wanted.begin();
        o.arrival_rank += arrival[i];
        ++seated[*selection[i]][flow::role_index(a.role)];
    }
    for (std::size_t k = 0; k < round.cycles.size(); ++k)
        o.balance_deficit += std::max(0LL, round.cycles[k].min_elus - seated[k][0]) +
                             std::max(0LL, round.cycles[k].min_agents - seated[k][1]);
    return o;
}

Objective evaluate(const Round& round, const Selection& selection) {
    return evaluate(round, selection, arrival_ranks(round));
}

std::optional<std::string> broken_rule(const Round& round, const Selection& selection) {
    if (selection.size() != round.applicants.size()) return "selection size differs from the applicants";
    std::vector<long long> seated(round.cycles.size(), 0);
    std::vector<std::pair<std::size_t, std::string>> pairs;
    for (std::size_t i = 0; i < selection.size(); ++i) {
        if (!selection[i]) continue;
        const auto& a = round.applicants[i];
        const std::size_t k = *selection[i];
        if (k >= round.cycles.size()) return "applicant " + a.id + " placed in an unknown cycle";
        if (std::find(a.choices.begin(), a.choices.end(), k) == a.choices.end())
            return "applicant " + a.id + " placed in a cycle they did not choose";
        if (++seated[k] > round.cycles[k].capacity) return "cycle " + round.cycles[k].id + " over capacity";
        pairs.emplace_back(k, a.collectivite);
    }
    std::sort(pairs.begin(), pairs.end());
    if (auto twice = std::adjacent_find(pairs.begin(), pairs.end()); twice != pairs.end())
        return "two applicants of " + twice->second + " in cycle " + round.cycles[twice->first].id;
    return std::nullopt;
}

namespace {

// How many leading levels of `value` no selection can beat, given that none
// beats `bound`.
int levels_settled(const Objective& value, const Objective& bound) {
    auto levels = [](const Objective& o) {
        return std::array{o.filled, o.balance_deficit, o.priority, o.choice_rank, o.arrival_rank};
    };
    const auto v = levels(value), b = levels(bound);
    int n = 0;
    while (n < 5 && v[n] == b[n]) ++n;
    return n;
}

}  // namespace

Solution optimise(const Round& round, const SolverOptions& options) {
    const auto arrival = arrival_ranks(round);
    flow::Relaxation relaxation(round, arrival, options.merged_cost_limit);
    Solution best;
    long long work = 0;
    auto solve = [&](const flow::Subproblem& node) {
        const bool first = best.relaxations++ == 0;
        work += static_cast<long long>(relaxation.arcs());
        auto out = relaxation.solve(node, first ? std::nullopt : std::optional<Objective>(best.objective));
        if (first) relaxation.cap_filled(out.value.filled);  // shared pairs fill seats exactly
        if (first || better(out.value, best.objective)) {
            best.selection = out.selection;
            best.objective = out.value;
        }
        return out;
    };
    const auto root = solve({});

    // Best-first search. A subproblem waits with its parent's bound and is
    // solved only when popped: a sibling the best candidate already matches
    // never is.
    struct Open {
        Objective bound;
        long long order;
        flow::Subproblem node;
    };
    auto worse = [](const Open& x, const Open& y) {
        if (x.bound != y.bound) return better(y.bound, x.bound);
        return x.order < y.order;  // equal bounds: newest first, so the search dives
    };
    std::priority_queue<Open, std::vector<Open>, decltype(worse)> open(worse);
    long long order = 0;
    auto expand = [&](flow::Subproblem node, const flow::Relaxed& out) {
        if (!better(out.bound, best.objective)) return;  // solved, or cannot win
        if (!out.misrouted.empty()) {
            node.split.insert(node.split.end(), out.misrouted.begin(), out.misrouted.end());
            open.push({out.bound, order++, std::move(node)});
        } else if (out.branch) {
            // Dive first into the child that keeps the applicant the candidate kept.
            for (int role : {1 - out.branch->role, out.branch->role}) {
                auto child = node;
                child.bans.push_back({out.branch->pair, role});
                open.push({out.bound, order++, std::move(child)});
            }
        }
    };
    auto search = [&](long long budget) {  // true once the optimum is proven
        while (!open.empty() && better(open.top().bound, best.objective)) {
            if (work >= budget) return false;
            auto next = open.top().node;
            open.pop();
            expand(next, solve(next));
        }
        return true;
    };
    expand({}, root);
    if (search(options.work_budget / 4)) return best;

    // The search is long: dive for a good candidate. Make the relaxation's
    // credits real (each seated mixed pair must send the role it was credited
    // for), solve, and repeat for the pairs newly seated.
    std::vector<char> banned;
    flow::Subproblem dive;
    for (auto rounding = root.rounding; !rounding.empty() && work < options.work_budget;) {
        for (const auto& ban : rounding) {
            if (ban.pair >= banned.size()) banned.resize(ban.pair + 1, 0);
            if (!banned[ban.pair]) banned[ban.pair] = 1, dive.bans.push_back(ban);
        }
        const auto out = solve(dive);
        if (!better(out.bound, best.objective)) break;
        rounding.clear();
        for (const auto& ban : out.rounding)
            if (ban.pair >= banned.size() || !banned[ban.pair]) rounding.push_back(ban);
    }
    if (!search(options.work_budget)) best.proven_levels = levels_settled(best.objective, open.top().bound);
    return best;
}

Allocation to_allocation(const Round& round, const Solution& solution) {
    Allocation out;
    out.objective = solution.objective;
    out.proven_levels = solution.proven_levels;
    for (std::size_t i = 0; i < round.applicants.size(); ++i)
        if (solution.selection[i])
            out.assignments.push_back({round.applicants[i].id, round.cycles[*solution.selection[i]].id});
    const auto arrival = arrival_ranks(round);
    using Place = std::tuple<long long, long long, long long, std::size_t>;  // -priority, rank, arrival, who
    std::vector<std::vector<Place>> queue(round.cycles.size());
    for (std::size_t i = 0; i < round.applicants.size(); ++i) {
        if (solution.selection[i]) continue;
        const auto& a = round.applicants[i];
        for (std::size_t rank = 0; rank < a.choices.size(); ++rank)
            queue[a.choices[rank]].emplace_back(-a.priority, static_cast<long long>(rank), arrival[i], i);
    }
    for (std::size_t k = 0; k < round.cycles.size(); ++k) {
        std::sort(queue[k].begin(), queue[k].end());
        WaitingList list{round.cycles[k].id, {}};
        for (const auto& place : queue[k]) list.applicants.push_back(round.applicants[std::get<3>(place)].id);
        out.waiting.push_back(std::move(list));
    }
    return out;
}

Allocation solve(const Round& round, const SolverOptions& options) {
    return to_allocation(round, optimise(round, options));
}

}  // namespace ateliers::allocation
