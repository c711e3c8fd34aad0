#include "features/running/domain/breakout_groups.hpp"

#include "features/running/domain/breakout_groups_search.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace ateliers::groups {

namespace {

// Bounds keep the N×N meeting matrix and the search affordable on a small machine.
constexpr int max_participants = 2000;
constexpr int max_sessions = 100;

std::string entry(const Problem& problem, std::size_t i) {
    return "participant « " + problem.participants[i].id + " » (participants[" + std::to_string(i) + "])";
}

std::string field(std::size_t i, const char* key) {
    return "participants[" + std::to_string(i) + "]." + key;
}

Status validate_past(const Problem& problem) {
    const auto n = static_cast<int>(problem.participants.size());
    if (std::ssize(problem.past) > problem.sessions)
        return fail(std::to_string(problem.past.size()) + " séances passées pour un cycle de " +
                        std::to_string(problem.sessions) + " séances",
                    "past_rounds");
    for (std::size_t r = 0; r < problem.past.size(); ++r) {
        std::vector<bool> seen(n, false);
        for (const auto& group : problem.past[r])
            for (int p : group) {
                if (p < 0 || p >= n)
                    return fail("séance passée " + std::to_string(r) + " : participant inconnu", "past_rounds");
                if (seen[p])
                    return fail("séance passée " + std::to_string(r) + " : " + entry(problem, p) +
                                    " figure deux fois",
                                "past_rounds");
                seen[p] = true;
            }
    }
    if (problem.past_clients.empty()) return Done{};
    if (problem.past_clients.size() != problem.past.size())
        return fail("past_clients doit avoir une entrée par séance passée", "past_clients");
    for (std::size_t r = 0; r < problem.past.size(); ++r) {
        if (problem.past_clients[r].size() != problem.past[r].size())
            return fail("séance passée " + std::to_string(r) + " : un client (ou null) par groupe",
                        "past_clients");
        for (std::size_t g = 0; g < problem.past[r].size(); ++g) {
            const int c = problem.past_clients[r][g];
            const auto& members = problem.past[r][g];
            if (c != -1 && std::find(members.begin(), members.end(), c) == members.end())
                return fail("séance passée " + std::to_string(r) + ", groupe " + std::to_string(g) +
                                " : le client n'est pas membre du groupe",
                            "past_clients");
        }
    }
    return Done{};
}

std::int64_t pairs(std::int64_t k) { return k * (k - 1) / 2; }

// Fewest pairs among k people spread over `groups` groups.
std::int64_t spread_pairs(std::int64_t k, std::int64_t groups) {
    return (k % groups) * pairs(k / groups + 1) + (groups - k % groups) * pairs(k / groups);
}

}  // namespace

Bounds lower_bounds(const Problem& problem, const std::vector<SessionLayout>& layouts) {
    const auto n = std::ssize(problem.participants);
    const bool mix = std::ranges::any_of(problem.participants, [](const auto& p) { return p.role != Role::unspecified; });
    std::map<std::string, std::int64_t> members;
    for (const auto& who : problem.participants)
        if (!who.collectivite.empty()) ++members[who.collectivite];
    const Score past = evaluate(problem, problem.past);
    Bounds bounds;
    Score& planned = bounds.planned;
    std::int64_t overlap = past.repeated_pairs;
    for (std::size_t f = 0; f < layouts.size(); ++f) {
        const auto& layout = layouts[f];
        std::map<std::string, std::int64_t> present_in;
        std::int64_t elus = 0, agents = 0;
        for (int p : layout.present) {
            const auto& who = problem.participants[p];
            if (!who.collectivite.empty()) ++present_in[who.collectivite];
            elus += who.role == Role::elu;
            agents += who.role == Role::agent;
        }
        for (const auto& [name, k] : present_in) planned.same_collectivite_pairs += spread_pairs(k, problem.groups);
        const auto nonempty = std::ranges::count_if(layout.sizes, [](int s) { return s >= 1; });
        const auto mixable = std::ranges::count_if(layout.sizes, [](int s) { return s >= 2; });
        bounds.mix_floor.push_back(mix ? nonempty - std::min<std::int64_t>({mixable, elus, agents}) : 0);
        planned.groups_without_mix += bounds.mix_floor.back();
        // Pigeonhole: a group of k people who all sat in one of the h groups of
        // the session before holds at least spread_pairs(k, h) pairs already met.
        if (problem.past.empty() && f == 0) continue;
        std::vector<bool> before(n, false);
        std::int64_t h = problem.groups;
        if (f > 0) {
            for (int p : layouts[f - 1].present) before[p] = true;
        } else {
            h = std::ssize(problem.past.back());
            for (const auto& group : problem.past.back())
                for (int p : group) before[p] = true;
        }
        if (h > 0 && std::ranges::all_of(layout.present, [&](int p) { return before[p]; }))
            for (int size : layout.sizes) overlap += spread_pairs(size, h);
    }
    // Each person has a number of partner seats; beyond the distinct people
    // they may sit with (colleagues excluded once that rule holds), seats repeat.
    std::int64_t excess = 0;
    if (planned.same_collectivite_pairs == 0 && past.same_collectivite_pairs == 0) {
        std::vector<std::int64_t> seats(n, 0);
        for (const auto& round : problem.past)
            for (const auto& group : round)
                for (int p : group) seats[p] += std::ssize(group) - 1;
        for (const auto& layout : layouts) {
            const int smallest = *std::ranges::min_element(layout.sizes);
            for (int p : layout.present) seats[p] += std::max(0, smallest - 1);
        }
        for (std::int64_t p = 0; p < n; ++p) {
            const auto& name = problem.participants[p].collectivite;
            const std::int64_t colleagues = name.empty() ? 0 : members[name] - 1;
            excess += std::max<std::int64_t>(0, seats[p] - (n - 1 - colleagues));
        }
    }
    planned.repeated_pairs = std::max(overlap, (excess + 1) / 2);
    bounds.whole = {planned.same_collectivite_pairs + past.same_collectivite_pairs,
                    planned.groups_without_mix + past.groups_without_mix, planned.repeated_pairs};
    return bounds;
}

Result<std::vector<SessionLayout>> session_layouts(const Problem& problem) {
    const auto n = static_cast<int>(problem.participants.size());
    const int first = static_cast<int>(problem.past.size());
    std::vector<SessionLayout> layouts;
    for (int s = first; s < problem.sessions; ++s) {
        SessionLayout layout;
        layout.lock_group.assign(n, -1);
        std::vector<int> locks_in(problem.groups, 0);
        std::vector<int> last_locker(problem.groups, -1);
        for (int p = 0; p < n; ++p) {
            const auto& who = problem.participants[p];
            if (std::ranges::find(who.absent, s) != who.absent.end()) continue;
            layout.present.push_back(p);
            for (const auto& lock : who.locks)
                if (lock.session == s) {
                    layout.lock_group[p] = lock.group;
                    ++locks_in[lock.group];
                    last_locker[lock.group] = p;
                }
        }
        // Balanced sizes; the larger ones go to the groups holding the most
        // locks, the only way every lock can fit.
        const int count = static_cast<int>(layout.present.size());
        std::vector<int> order(problem.groups);
        for (int g = 0; g < problem.groups; ++g) order[g] = g;
        std::ranges::stable_sort(order, std::greater{}, [&](int g) { return locks_in[g]; });
        layout.sizes.assign(problem.groups, count / problem.groups);
        for (int k = 0; k < count % problem.groups; ++k) ++layout.sizes[order[k]];
        for (int g = 0; g < problem.groups; ++g)
            if (locks_in[g] > layout.sizes[g])
                return fail("séance " + std::to_string(s) + " : " + std::to_string(locks_in[g]) +
                                " personnes verrouillées dans le groupe " + std::to_string(g) +
                                " qui n'en compte que " + std::to_string(layout.sizes[g]),
                            field(last_locker[g], "locks"));
        layouts.push_back(std::move(layout));
    }
    return layouts;
}

Status validate(const Problem& problem) {
    const auto n = std::ssize(problem.participants);
    if (problem.groups < 1) return fail("il faut au moins un groupe", "groups");
    if (problem.sessions < 1 || problem.sessions > max_sessions)
        return fail("le nombre de séances doit être entre 1 et " + std::to_string(max_sessions), "sessions");
    if (n == 0) return fail("aucun participant", "participants");
    if (n > max_participants)
        return fail("au plus " + std::to_string(max_participants) + " participants", "participants");
    if (n < problem.groups)
        return fail(std::to_string(n) + " participants ne suffisent pas pour " + std::to_string(problem.groups) +
                        " groupes",
                    "groups");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < problem.participants.size(); ++i) {
        const auto& who = problem.participants[i];
        if (who.id.empty()) return fail("participants[" + std::to_string(i) + "] : id vide", field(i, "id"));
        if (!ids.insert(who.id).second) return fail(entry(problem, i) + " : id en double", field(i, "id"));
        for (int s : who.absent)
            if (s < 0 || s >= problem.sessions)
                return fail(entry(problem, i) + " : absence à la séance " + std::to_string(s) +
                                " hors du cycle (0 à " + std::to_string(problem.sessions - 1) + ")",
                            field(i, "absent"));
        std::set<int> locked_sessions;
        for (const auto& lock : who.locks) {
            if (lock.session < 0 || lock.session >= problem.sessions)
                return fail(entry(problem, i) + " : verrou sur la séance " + std::to_string(lock.session) +
                                " hors du cycle",
                            field(i, "locks"));
            if (lock.group < 0 || lock.group >= problem.groups)
                return fail(entry(problem, i) + " : verrou sur le groupe " + std::to_string(lock.group) +
                                " inexistant (0 à " + std::to_string(problem.groups - 1) + ")",
                            field(i, "locks"));
            if (!locked_sessions.insert(lock.session).second)
                return fail(entry(problem, i) + " : deux verrous sur la séance " + std::to_string(lock.session),
                            field(i, "locks"));
            if (std::ranges::find(who.absent, lock.session) != who.absent.end())
                return fail(entry(problem, i) + " : verrouillé à la séance " + std::to_string(lock.session) +
                                " où il est absent",
                            field(i, "locks"));
        }
    }
    if (auto past = validate_past(problem); !past) return past;
    if (auto layouts = session_layouts(problem); !layouts) return layouts.failure();
    return Done{};
}

Score evaluate(const Problem& problem, const std::vector<Round>& rounds) {
    const auto n = problem.participants.size();
    const bool mix = std::ranges::any_of(problem.participants,
                                         [](const Participant& p) { return p.role != Role::unspecified; });
    std::vector<int> met(n * n, 0);
    Score score;
    for (const auto& round : rounds)
        for (const auto& group : round) {
            bool elu = false, agent = false;
            for (std::size_t i = 0; i < group.size(); ++i) {
                const auto& a = problem.participants[group[i]];
                elu = elu || a.role == Role::elu;
                agent = agent || a.role == Role::agent;
                for (std::size_t j = i + 1; j < group.size(); ++j) {
                    const auto& b = problem.participants[group[j]];
                    if (!a.collectivite.empty() && a.collectivite == b.collectivite) ++score.same_collectivite_pairs;
                    if (++met[group[i] * n + group[j]] > 1) ++score.repeated_pairs;
                    ++met[group[j] * n + group[i]];
                }
            }
            if (mix && !group.empty() && !(elu && agent)) ++score.groups_without_mix;
        }
    return score;
}

std::vector<Clients> plan_clients(const Problem& problem, const std::vector<Round>& rounds) {
    const auto n = problem.participants.size();
    const auto first = problem.past.size();
    std::vector<Clients> clients;
    std::vector<bool> already(n, false);
    for (std::size_t r = 0; r < rounds.size(); ++r) {
        if (r < first && r < problem.past_clients.size()) {
            clients.push_back(problem.past_clients[r]);
            for (int c : problem.past_clients[r])
                if (c >= 0) already[c] = true;
        } else {
            clients.emplace_back(rounds[r].size(), -1);
        }
    }
    // Bipartite graph participant -> (session, group) slots of the sessions to plan.
    std::vector<std::pair<std::size_t, std::size_t>> slots;
    std::vector<std::vector<int>> slots_of(n);
    for (std::size_t r = first; r < rounds.size(); ++r)
        for (std::size_t g = 0; g < rounds[r].size(); ++g) {
            for (int p : rounds[r][g]) slots_of[p].push_back(static_cast<int>(slots.size()));
            slots.emplace_back(r, g);
        }
    // Kuhn's augmenting paths: exact maximum matching, small graphs.
    std::vector<int> holder(slots.size(), -1);
    std::vector<int> visited(slots.size(), -1);
    std::function<bool(int, int)> augment = [&](int p, int stamp) {
        for (int slot : slots_of[p]) {
            if (visited[slot] == stamp) continue;
            visited[slot] = stamp;
            if (holder[slot] == -1 || augment(holder[slot], stamp)) {
                holder[slot] = p;
                return true;
            }
        }
        return false;
    };
    for (std::size_t p = 0; p < n; ++p)
        if (!already[p]) augment(static_cast<int>(p), static_cast<int>(p));
    for (std::size_t k = 0; k < slots.size(); ++k) clients[slots[k].first][slots[k].second] = holder[k];
    return clients;
}

Result<Plan> solve(const Problem& problem, const Options& options) {
    if (auto ok = validate(problem); !ok) return ok.failure();
    auto layouts = session_layouts(problem);
    if (!layouts) return layouts.failure();
    Plan plan = search(problem, options, std::move(layouts.value()));
    plan.score = evaluate(problem, plan.rounds);
    plan.clients = plan_clients(problem, plan.rounds);
    return plan;
}

Result<GolfersSpec> parse_golfers_spec(std::string_view text) {
    GolfersSpec spec;
    int* parts[] = {&spec.groups, &spec.size, &spec.weeks};
    const char* at = text.data();
    const char* end = text.data() + text.size();
    for (int k = 0; k < 3; ++k) {
        auto [next, error] = std::from_chars(at, end, *parts[k]);
        const bool separator_ok = k < 2 ? (next != end && *next == '-') : next == end;
        if (error != std::errc{} || !separator_ok || *parts[k] < 1)
            return fail("« " + std::string(text) + " » : attendu G-S-W (groupes-taille-semaines), par exemple 8-4-9",
                        "golfers");
        at = next + 1;
    }
    if (spec.groups * static_cast<long>(spec.size) > max_participants || spec.weeks > max_sessions)
        return fail("« " + std::string(text) + " » : instance trop grande", "golfers");
    return spec;
}

Problem golfers_problem(const GolfersSpec& spec) {
    Problem problem;
    problem.groups = spec.groups;
    problem.sessions = spec.weeks;
    problem.participants.resize(static_cast<std::size_t>(spec.groups) * spec.size);
    for (std::size_t i = 0; i < problem.participants.size(); ++i) problem.participants[i].id = std::to_string(i + 1);
    return problem;
}

Result<Plan> golfers(int groups, int size, int weeks, std::uint64_t seed, std::chrono::milliseconds time_limit) {
    if (groups < 1 || size < 1 || weeks < 1) return fail("G, S et W doivent être positifs", "golfers");
    // The optimum of a feasible instance is 0: keep searching until then.
    Options options{.seed = seed, .time_limit = time_limit, .patience = 0};
    return solve(golfers_problem({groups, size, weeks}), options);
}

}  // namespace ateliers::groups
