// Local search for breakout groups, after Dotú & Van Hentenryck, "Scheduling
// social golfers locally" (CPAIOR 2005): a greedy start, then tabu search over
// swaps of two people of one session where at least one is in conflict, with
// restarts from the best plan, slightly perturbed, when the search stalls.
// Moving one person to a group one smaller keeps sizes balanced and lets the
// larger groups wander, which matters when N is not a multiple of G.
#include "features/running/domain/breakout_groups_search.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <array>
#include <random>

#include "features/running/domain/breakout_groups_engine.hpp"

namespace ateliers::groups {

namespace search_engine {

Engine::Engine(const Problem& problem, const Options& options, std::vector<SessionLayout> layouts)
    : problem_(problem), options_(options), layouts_(std::move(layouts)), rng_(options.seed) {
    n_ = static_cast<int>(problem.participants.size());
    groups_ = problem.groups;
    first_ = static_cast<int>(problem.past.size());
    std::vector<std::string> names;
    for (const auto& who : problem.participants) {
        role_.push_back(static_cast<int>(who.role));
        mix_ = mix_ || who.role != Role::unspecified;
        int c = -1;
        if (!who.collectivite.empty()) {
            c = static_cast<int>(std::ranges::find(names, who.collectivite) - names.begin());
            if (c == std::ssize(names)) names.push_back(who.collectivite);
        }
        coll_.push_back(c);
    }
    colls_ = static_cast<int>(names.size());
    coll_size_.assign(colls_, 0);
    for (int c : coll_)
        if (c >= 0) ++coll_size_[c];
}

Plan Engine::run() {
    const auto start = std::chrono::steady_clock::now();
    Plan plan;
    const Bounds bounds = lower_bounds(problem_, layouts_);
    plan.lower_bound = bounds.whole;
    mix_floor_ = bounds.mix_floor;
    const Score target = bounds.planned;
    reset();
    const int built = options_.construction ? construct() : 0;
    for (int f = built; f < std::ssize(layouts_); ++f) greedy_round(f);
    std::vector<Round> best = rounds_;
    Score best_cost = cost();
    std::int64_t it = 0, last_improvement = 0, last_restart = 0;
    while (best_cost > target && it < options_.max_iterations) {
        if (options_.patience > 0 && it - last_improvement >= options_.patience) break;
        if (it % 256 == 0 && std::chrono::steady_clock::now() - start > options_.time_limit) {
            plan.stopped_by_time = true;
            break;
        }
        ++it;
        if (it - std::max(last_improvement, last_restart) > stall_limit()) {
            const int fruitless = static_cast<int>((it - last_improvement) / stall_limit());
            restart_from(best, fruitless);
            last_restart = it;
            continue;
        }
        if (!step(it, best_cost)) break;
        if (cost() < best_cost) {
            best_cost = cost();
            best = rounds_;
            last_improvement = it;
        }
    }
    plan.iterations = it;
    plan.rounds = problem_.past;
    for (auto& round : best) {
        for (auto& group : round) std::ranges::sort(group);
        plan.rounds.push_back(std::move(round));
    }
    return plan;
}

void Engine::reset() {
    const auto sessions = layouts_.size();
    rounds_.assign(sessions, Round(groups_));
    group_of_.assign(sessions, std::vector<int>(n_, -1));
    slot_of_.assign(sessions, std::vector<int>(n_, -1));
    coll_count_.assign(sessions, std::vector<int>(groups_ * colls_, 0));
    role_count_.assign(sessions, std::vector<std::array<int, 3>>(groups_, {0, 0, 0}));
    tabu_.assign(sessions, std::vector<Undo>(n_));
    leaving_.assign(n_, 0);
    joining_.assign(static_cast<std::size_t>(groups_) * n_, 0);
    joining_ready_.assign(groups_, 0);
    met_.assign(static_cast<std::size_t>(n_) * n_, 0);
    state_ = {};
    for (const auto& round : problem_.past)
        for (const auto& group : round)
            for (std::size_t i = 0; i < group.size(); ++i)
                for (std::size_t j = i + 1; j < group.size(); ++j) {
                    if (met(group[i], group[j]) >= 1) ++state_.repeated_pairs;
                    ++met(group[i], group[j]);
                    ++met(group[j], group[i]);
                }
}

int Engine::construct() {
    const int size = n_ / groups_;
    if (mix_ || colls_ > 0 || first_ > 0 || size * groups_ != n_) return 0;
    for (const auto& layout : layouts_)
        if (std::ssize(layout.present) != n_ || std::ranges::any_of(layout.lock_group, [](int g) { return g >= 0; }))
            return 0;
    const int weeks = static_cast<int>(layouts_.size());
    // The affine plane when it covers every week, else a design developed
    // from base weeks (found in milliseconds for the classic instances),
    // else the longer of the two; the search plans the weeks left.
    auto design = affine_rounds(groups_, size, weeks);
    if (std::ssize(design) < weeks && options_.construction_nodes > 0) {
        // Past the most weeks a schedule without repeats can have, its longest
        // prefix still helps the search.
        const int most = std::min(weeks, size > 1 ? (n_ - 1) / (size - 1) : weeks);
        auto starter = starter_rounds(groups_, size, most, options_.seed, options_.construction_nodes);
        if (starter.size() > design.size()) design = std::move(starter);
    }
    for (int f = 0; f < std::ssize(design); ++f)
        for (int g = 0; g < groups_; ++g)
            for (int p : design[f][g]) insert(f, p, g);
    return static_cast<int>(design.size());
}

bool Engine::greedy_golfer_round(int f) {
    const auto& layout = layouts_[f];
    if (mix_ || colls_ > 0 || n_ > 200 || std::ssize(layout.present) != n_ ||
        std::ranges::any_of(layout.lock_group, [](int g) { return g >= 0; }))
        return false;
    const std::size_t words = (static_cast<std::size_t>(n_) + 63) / 64;
    using Bits = std::vector<std::uint64_t>;
    auto set = [](Bits& bits, int p) { bits[p / 64] |= std::uint64_t{1} << (p % 64); };
    auto clear = [](Bits& bits, int p) { bits[p / 64] &= ~(std::uint64_t{1} << (p % 64)); };
    std::vector<Bits> known(n_, Bits(words, 0));  // whom each golfer has met
    for (int p = 0; p < n_; ++p)
        for (int q = 0; q < n_; ++q)
            if (met(p, q) >= 1) set(known[p], q);
    std::vector<int> left = layout.present;
    for (std::size_t i = left.size(); i > 1; --i) std::swap(left[i - 1], left[below(i)]);
    Bits open(words, 0);  // left, and met by nobody in the group being filled
    for (int g = 0; g < groups_; ++g) {
        std::ranges::fill(open, 0);
        for (int p : left) set(open, p);
        auto& group = rounds_[f][g];
        while (std::ssize(group) < layout.sizes[g]) {
            const bool two = layout.sizes[g] - std::ssize(group) >= 2;
            auto added = [&](int p) {
                int made = 0;
                for (int x : group) made += met(p, x) >= 1;
                return made;
            };
            int best_i = -1, best_j = -1, best_made = 0, best_freedom = 0, ties = 0;
            for (std::size_t a = 0; a < left.size(); ++a) {
                const int i = left[a], made_i = added(i);
                for (std::size_t b = two ? a + 1 : left.size(); b <= left.size(); ++b) {
                    const int j = b < left.size() ? left[b] : -1;
                    if (two && j < 0) break;
                    const int made = made_i + (j >= 0 ? added(j) + (met(i, j) >= 1) : 0);
                    if (best_i >= 0 && made > best_made) continue;
                    int freedom = 0;
                    for (std::size_t w = 0; w < words; ++w) {
                        std::uint64_t free = open[w] & ~known[i][w];
                        if (j >= 0) free &= ~known[j][w];
                        freedom += std::popcount(free);
                    }
                    freedom -= 1 + (j >= 0);  // i and j themselves
                    if (best_i < 0 || made < best_made || freedom > best_freedom) {
                        best_i = i, best_j = j, best_made = made, best_freedom = freedom, ties = 1;
                    } else if (freedom == best_freedom && below(++ties) == 0) {
                        best_i = i, best_j = j;
                    }
                }
            }
            for (int p : {best_i, best_j}) {
                if (p < 0) continue;
                insert(f, p, g);
                std::erase(left, p);
                clear(open, p);
                for (std::size_t w = 0; w < words; ++w) open[w] &= ~known[p][w];
            }
        }
    }
    return true;
}

void Engine::greedy_round(int f) {
    if (greedy_golfer_round(f)) return;
    const auto& layout = layouts_[f];
    std::vector<int> free;
    for (int p : layout.present) {
        if (layout.lock_group[p] >= 0) insert(f, p, layout.lock_group[p]);
        else free.push_back(p);
    }
    for (std::size_t i = free.size(); i > 1; --i) std::swap(free[i - 1], free[below(i)]);
    // The largest collectivités first, while every group still has room for them.
    std::ranges::stable_sort(free, std::greater{}, [&](int p) { return coll_[p] >= 0 ? coll_size_[coll_[p]] : 0; });
    for (int p : free) {
        int choice = -1, ties = 0;
        Score best;
        for (int g = 0; g < groups_; ++g) {
            if (std::ssize(rounds_[f][g]) >= layout.sizes[g]) continue;
            Score added;
            if (coll_[p] >= 0) added.same_collectivite_pairs = coll_count(f, g, coll_[p]);
            added.groups_without_mix = mix_ && role_count_[f][g][role_[p]] == 0 ? -1 : 0;
            for (int x : rounds_[f][g]) added.repeated_pairs += met(p, x) >= 1 ? 1 : 0;
            if (choice < 0 || added < best) {
                best = added, choice = g, ties = 1;
            } else if (added == best && below(++ties) == 0) {
                choice = g;
            }
        }
        insert(f, p, choice);
    }
}

}  // namespace search_engine

Plan search(const Problem& problem, const Options& options, std::vector<SessionLayout> layouts) {
    return search_engine::Engine(problem, options, std::move(layouts)).run();
}

}  // namespace ateliers::groups
