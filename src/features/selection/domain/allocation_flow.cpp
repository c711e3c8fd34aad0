#include "features/selection/domain/allocation_flow.hpp"

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <limits>
#include <tuple>
#include <unordered_map>

namespace ateliers::allocation::flow {
namespace {

using Wide = __int128;
using Graph = lemon::SmartDigraph;
using Simplex = lemon::NetworkSimplex<Graph, long long, long long>;
constexpr int level_count = 5;  // the Objective fields, in order

long long minimum_of(const Cycle& c, int role) { return role == 0 ? c.min_elus : c.min_agents; }

struct Choice {
    std::size_t applicant = 0;
    std::size_t cycle = 0;
    int arc = 0;  // applicant → pair (or role node) arc
};

struct MixedPair {
    std::size_t cycle = 0;
    std::array<std::vector<std::size_t>, 2> entries;  // indices into Network::choices, by role
    std::array<int, 2> shared_in{}, shared_out{}, split{};  // arcs, by role
};

struct Network {
    int nodes = 0;
    int source = 0, sink = 0;
    std::vector<int> tail, head;                           // by arc
    std::vector<long long> upper;                          // by arc
    std::array<std::vector<long long>, level_count> cost;  // by level then arc, minimised
    std::vector<Choice> choices;
    std::vector<std::array<int, 2>> bonus;  // by cycle then role: the arc of capacity min_role
    std::vector<MixedPair> mixed;
    long long supply = 0;  // units sent from source to sink

    int node() { return nodes++; }
    int add(int from, int to, long long capacity) {
        tail.push_back(from);
        head.push_back(to);
        upper.push_back(capacity);
        for (auto& c : cost) c.push_back(0);
        return static_cast<int>(upper.size()) - 1;
    }
};

// Levels solved together share one cost; a stage settles levels up to `last`.
struct Stage {
    std::array<long long, level_count> weight{};  // 0 for levels of other stages
    int last = 0;
};

// source → applicant [1] → pair [1] → (cycle, role) → cycle [capacity] → sink,
// plus source → sink for the applicants left out. (cycle, role) → cycle is two
// arcs: one of capacity min_role that earns the bonus, one free.
Network build(const Round& round, const std::vector<long long>& arrival) {
    Network net;
    net.source = net.node();
    net.sink = net.node();
    long long seats = 0;
    std::vector<std::array<int, 2>> role_node(round.cycles.size());
    net.bonus.resize(round.cycles.size());
    for (std::size_t k = 0; k < round.cycles.size(); ++k) {
        const auto& c = round.cycles[k];
        const int cycle_node = net.node();
        for (int r = 0; r < 2; ++r) {
            role_node[k][r] = net.node();
            net.bonus[k][r] = net.add(role_node[k][r], cycle_node, std::min(minimum_of(c, r), c.capacity));
            net.cost[1][net.bonus[k][r]] = -1;
            net.add(role_node[k][r], cycle_node, c.capacity);
        }
        net.add(cycle_node, net.sink, c.capacity);
        seats += c.capacity;
    }
    // Never more units than seats: fewer units, faster simplex.
    net.supply = std::min(seats, static_cast<long long>(round.applicants.size()));
    net.add(net.source, net.sink, net.supply);  // for the applicants left out

    std::vector<int> person(round.applicants.size());
    std::unordered_map<std::string, int> collectivite;
    struct Wish {
        std::size_t cycle;
        int coll;
        std::size_t applicant;
        long long rank;
    };
    std::vector<Wish> wishes;
    for (std::size_t i = 0; i < round.applicants.size(); ++i) {
        const auto& a = round.applicants[i];
        person[i] = net.node();
        const int arc = net.add(net.source, person[i], 1);
        net.cost[0][arc] = -1;
        net.cost[2][arc] = -a.priority;
        net.cost[4][arc] = arrival[i];
        const int coll = collectivite.emplace(a.collectivite, static_cast<int>(collectivite.size())).first->second;
        for (std::size_t rank = 0; rank < a.choices.size(); ++rank)
            wishes.push_back({a.choices[rank], coll, i, static_cast<long long>(rank)});
    }
    std::sort(wishes.begin(), wishes.end(), [](const Wish& x, const Wish& y) {
        return std::tie(x.cycle, x.coll, x.applicant) < std::tie(y.cycle, y.coll, y.applicant);
    });
    auto wish = [&](const Wish& w, int to) {
        net.cost[3][net.add(person[w.applicant], to, 1)] = w.rank;
        net.choices.push_back({w.applicant, w.cycle, static_cast<int>(net.upper.size()) - 1});
        return net.choices.size() - 1;
    };
    for (std::size_t lo = 0, hi = 0; lo < wishes.size(); lo = hi) {
        while (hi < wishes.size() && wishes[hi].cycle == wishes[lo].cycle && wishes[hi].coll == wishes[lo].coll) ++hi;
        const std::size_t k = wishes[lo].cycle;
        auto role_of = [&](std::size_t i) { return role_index(round.applicants[wishes[i].applicant].role); };
        std::array<int, 2> roles{0, 0};
        for (std::size_t i = lo; i < hi; ++i) ++roles[role_of(i)];
        if (roles[0] == 0 || roles[1] == 0) {  // one role: the pair is an exact capacity-1 node
            const int r = roles[0] ? 0 : 1;
            int to = role_node[k][r];  // a lone applicant needs no pair node
            if (hi - lo > 1) {
                to = net.node();
                net.add(to, role_node[k][r], 1);
            }
            for (std::size_t i = lo; i < hi; ++i) wish(wishes[i], to);
            continue;
        }
        MixedPair m;
        m.cycle = k;
        const int shared_in = net.node(), shared_out = net.node();
        net.add(shared_in, shared_out, 1);
        for (int r = 0; r < 2; ++r) {
            const int in = net.node();
            m.shared_in[r] = net.add(in, shared_in, 1);
            m.shared_out[r] = net.add(shared_out, role_node[k][r], 1);
            m.split[r] = net.add(in, role_node[k][r], 0);  // opened when the pair is split
            for (std::size_t i = lo; i < hi; ++i)
                if (role_of(i) == r) m.entries[r].push_back(wish(wishes[i], in));
        }
        net.mixed.push_back(std::move(m));
    }
    return net;
}

// A level's weight outweighs everything the levels below it in the same stage
// can move: w_l = 1 + sum_{m>l} w_m * span_m. The span of a level bounds its
// change between any two flows, over at most `seated` applicants.
std::vector<Stage> plan_stages(const Round& round, const Network& net, const std::vector<long long>& arrival,
                               long double limit) {
    const Wide seated = net.supply;
    Wide bonus = 0;
    for (const auto& c : round.cycles)
        for (int r = 0; r < 2; ++r) bonus += std::min(minimum_of(c, r), c.capacity);
    auto top = [&](std::vector<long long> v) {
        std::sort(v.rbegin(), v.rend());
        Wide sum = 0;
        for (std::size_t i = 0; i < v.size() && static_cast<Wide>(i) < seated; ++i) sum += v[i];
        return sum;
    };
    std::vector<long long> gain, loss, ranks;
    for (const auto& a : round.applicants) {
        gain.push_back(std::max(0LL, a.priority));
        loss.push_back(std::max(0LL, -a.priority));
        ranks.push_back(a.choices.empty() ? 0 : static_cast<long long>(a.choices.size()) - 1);
    }
    const std::array<Wide, level_count> span{seated, std::min(seated, bonus), top(gain) + top(loss), top(ranks),
                                             top(arrival)};

    // LEMON's potentials start at 2^62 and move by at most |arc cost| per node.
    auto fits = [&](int first, int last, Stage& s) {
        Wide below = 0;
        for (int l = last; l >= first; --l) {
            const Wide w = 1 + below;
            if (w > std::numeric_limits<long long>::max()) return false;
            s.weight[l] = static_cast<long long>(w);
            below += w * span[l];
        }
        Wide widest = 0;
        for (std::size_t e = 0; e < net.upper.size(); ++e) {
            Wide c = 0;
            for (int l = first; l <= last; ++l) c += Wide(s.weight[l]) * std::abs(net.cost[l][e]);
            widest = std::max(widest, c);
        }
        return static_cast<long double>(widest) * static_cast<long double>(net.nodes + 2) <= limit;
    };
    std::vector<Stage> stages;
    for (int first = 0; first < level_count;) {
        Stage s;
        s.last = first;
        fits(first, first, s);  // a single level always runs, whatever its size
        while (s.last + 1 < level_count) {
            Stage wider;
            if (!fits(first, s.last + 1, wider)) break;
            wider.last = s.last + 1;
            s = wider;
        }
        stages.push_back(s);
        first = s.last + 1;
    }
    return stages;
}

// Levels no stage has settled yet: assume the best.
void leave_open(Objective& o, int settled) {
    if (settled < 1) o.balance_deficit = std::numeric_limits<long long>::min();
    if (settled < 2) o.priority = std::numeric_limits<long long>::max();
    if (settled < 3) o.choice_rank = std::numeric_limits<long long>::min();
    if (settled < 4) o.arrival_rank = std::numeric_limits<long long>::min();
}

}  // namespace

int role_index(Role role) { return role == Role::elu ? 0 : 1; }

// Everything a relaxation needs, kept from one node to the next: allocating the
// simplex and the graphs anew for each node costs more than solving small ones.
struct Relaxation::State {
    const Round& round;
    const std::vector<long long>& arrival;
    Network net;
    std::vector<Stage> stages;
    Graph graph;  // the current stage's free arcs
    Graph::ArcMap<long long> lo, up, cost;
    Graph::NodeMap<long long> demand;
    Simplex simplex;
    std::vector<long long> lower, upper, flow, supply;
    std::vector<int> loose, local;
    std::vector<Graph::Arc> copy;
    std::optional<long long> seated;  // most seats a selection can fill, once known

    State(const Round& r, const std::vector<long long>& a, long double limit)
        : round(r), arrival(a), net(build(r, a)), stages(plan_stages(r, net, a, limit)),
          lo(graph), up(graph), cost(graph), demand(graph), simplex(graph) {}

    void run_stage(const Stage& stage);
    void read_flow(Relaxed& out) const;
};

// Optimises one stage among the flows earlier stages left, then pins every arc
// of non-zero reduced cost to its bound: by complementary slackness, what stays
// free is exactly the set of the stage's optimal flows.
void Relaxation::State::run_stage(const Stage& stage) {
    // Pinned arcs leave the graph, their flow moved into the supplies: after the
    // first stage most arcs are pinned, and the simplex would waste degenerate
    // pivots on them.
    supply.assign(net.nodes, 0);
    const long long units = seated.value_or(net.supply);
    supply[net.source] = units;
    supply[net.sink] = -units;
    loose.clear();
    for (std::size_t e = 0; e < upper.size(); ++e) {
        if (lower[e] < upper[e]) {
            loose.push_back(static_cast<int>(e));
            continue;
        }
        flow[e] = lower[e];
        supply[net.tail[e]] -= lower[e];
        supply[net.head[e]] += lower[e];
    }
    if (loose.empty()) return;  // nothing to choose (LEMON would call an empty graph infeasible)
    graph.clear();
    local.assign(net.nodes, -1);
    auto node = [&](int v) {
        if (local[v] < 0) local[v] = graph.id(graph.addNode());
        return graph.nodeFromId(local[v]);
    };
    for (int v = 0; v < net.nodes; ++v)
        if (supply[v] != 0) node(v);
    copy.clear();
    for (int e : loose) copy.push_back(graph.addArc(node(net.tail[e]), node(net.head[e])));
    for (int v = 0; v < net.nodes; ++v)
        if (local[v] >= 0) demand[graph.nodeFromId(local[v])] = supply[v];
    for (std::size_t i = 0; i < loose.size(); ++i) {
        const int e = loose[i];
        long long c = 0;
        for (int l = 0; l < level_count; ++l) c += stage.weight[l] * net.cost[l][e];
        lo[copy[i]] = lower[e], up[copy[i]] = upper[e], cost[copy[i]] = c;
    }
    simplex.reset();
    // Always feasible: the source → sink arc can carry every unit.
    simplex.lowerMap(lo).upperMap(up).costMap(cost).supplyMap(demand).run();
    for (std::size_t i = 0; i < loose.size(); ++i) {
        const int e = loose[i];
        const auto arc = copy[i];
        flow[e] = simplex.flow(arc);
        const Wide reduced =
            Wide(cost[arc]) + simplex.potential(graph.source(arc)) - simplex.potential(graph.target(arc));
        if (reduced > 0) upper[e] = lower[e];
        if (reduced < 0) lower[e] = upper[e];
    }
}

void Relaxation::State::read_flow(Relaxed& out) const {
    const auto& cycles = round.cycles;
    auto taken = [&](std::size_t choice) { return flow[net.choices[choice].arc] > 0; };
    out.selection.assign(round.applicants.size(), std::nullopt);
    for (std::size_t i = 0; i < net.choices.size(); ++i)
        if (taken(i)) out.selection[net.choices[i].applicant] = net.choices[i].cycle;
    out.value = evaluate(round, out.selection, arrival);
    out.bound = out.value;
    out.bound.balance_deficit = 0;
    std::vector<char> short_cycle(cycles.size(), 0);  // bonus credited that its roles did not earn
    std::vector<std::array<long long, 2>> seated(cycles.size(), {0, 0});
    for (std::size_t i = 0; i < out.selection.size(); ++i)
        if (out.selection[i]) ++seated[*out.selection[i]][role_index(round.applicants[i].role)];
    for (std::size_t k = 0; k < cycles.size(); ++k)
        for (int r = 0; r < 2; ++r) {
            const long long need = minimum_of(cycles[k], r), credited = flow[net.bonus[k][r]];
            out.bound.balance_deficit += need - credited;
            if (credited > std::min(need, seated[k][r])) short_cycle[k] = 1;
        }
    out.misrouted.clear();
    out.branch.reset();
    out.rounding.clear();
    for (std::size_t p = 0; p < net.mixed.size(); ++p) {
        const auto& m = net.mixed[p];
        for (int r = 0; r < 2; ++r) {
            if (short_cycle[m.cycle] && flow[m.shared_in[r]] > 0 && flow[m.shared_out[1 - r]] > 0)
                out.misrouted.push_back(p);
            if (flow[m.shared_out[r]] > 0) out.rounding.push_back({p, 1 - r});
        }
        if (flow[m.split[0]] == 0 || flow[m.split[1]] == 0) continue;
        // Seated twice: unseat whichever of the two costs the selection less.
        std::array<std::size_t, 2> who{};
        std::array<Objective, 2> without{out.value, out.value};
        for (int r = 0; r < 2; ++r) {
            for (std::size_t c : m.entries[r])
                if (taken(c)) who[r] = net.choices[c].applicant;
            const auto& a = round.applicants[who[r]];
            auto& o = without[r];
            --o.filled;
            o.priority -= a.priority;
            o.choice_rank -= std::find(a.choices.begin(), a.choices.end(), m.cycle) - a.choices.begin();
            o.arrival_rank -= arrival[who[r]];
            if (seated[m.cycle][r] <= minimum_of(cycles[m.cycle], r)) ++o.balance_deficit;
        }
        const int drop = better(without[1], without[0]) ? 1 : 0;
        out.selection[who[drop]].reset();
        out.value = without[drop];
        --seated[m.cycle][drop];
        if (!out.branch) out.branch = Ban{p, drop};
    }
}

Relaxation::Relaxation(const Round& round, const std::vector<long long>& arrival, long double merged_cost_limit)
    : state_(std::make_unique<State>(round, arrival, merged_cost_limit)) {}

Relaxation::~Relaxation() = default;

Relaxed Relaxation::solve(const Subproblem& node, const std::optional<Objective>& incumbent) {
    auto& s = *state_;
    const auto& net = s.net;
    s.lower.assign(net.upper.size(), 0);
    s.upper = net.upper;
    s.flow.assign(net.upper.size(), 0);
    for (std::size_t p : node.split)
        for (int r = 0; r < 2; ++r) s.upper[net.mixed[p].shared_in[r]] = 0, s.upper[net.mixed[p].split[r]] = 1;
    for (const auto& ban : node.bans) {
        const auto& m = net.mixed[ban.pair];
        s.upper[m.shared_in[ban.role]] = s.upper[m.shared_out[ban.role]] = s.upper[m.split[ban.role]] = 0;
    }
    Relaxed out;
    for (const auto& stage : s.stages) {
        s.run_stage(stage);
        s.read_flow(out);
        leave_open(out.bound, stage.last);
        if (incumbent && !better(out.bound, *incumbent)) break;
    }
    return out;
}

void Relaxation::cap_filled(long long seats) { state_->seated = seats; }

std::size_t Relaxation::arcs() const { return state_->net.upper.size(); }

}  // namespace ateliers::allocation::flow
