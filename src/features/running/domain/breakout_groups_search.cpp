// Local search for breakout groups, after Dotú & Van Hentenryck, "Scheduling
// social golfers locally" (CPAIOR 2005): a greedy start, then tabu search over
// swaps of two people of one session where at least one is in conflict, with
// restarts from the best plan, slightly perturbed, when the search stalls.
// Moving one person to a group one smaller keeps sizes balanced and lets the
// larger groups wander, which matters when N is not a multiple of G.
#include "features/running/domain/breakout_groups_search.hpp"

#include <algorithm>
#include <array>
#include <random>

namespace ateliers::groups {

namespace {

Score operator+(Score a, const Score& b) {
    a.same_collectivite_pairs += b.same_collectivite_pairs;
    a.groups_without_mix += b.groups_without_mix;
    a.repeated_pairs += b.repeated_pairs;
    return a;
}

class Engine {
public:
    Engine(const Problem& problem, const Options& options, std::vector<SessionLayout> layouts)
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

    Plan run() {
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

private:
    const Problem& problem_;
    const Options& options_;
    std::vector<SessionLayout> layouts_;  // index f: session first_ + f
    std::mt19937_64 rng_;
    int n_ = 0, groups_ = 0, first_ = 0, colls_ = 0;
    bool mix_ = false;
    std::vector<int> coll_, role_, coll_size_;
    std::vector<std::int64_t> mix_floor_;  // per session: groups that cannot be mixed
    // State of the sessions being planned; met_ also counts the past ones.
    std::vector<Round> rounds_;
    std::vector<std::vector<int>> group_of_, slot_of_, coll_count_;
    std::vector<std::vector<std::array<int, 3>>> role_count_;
    std::vector<int> met_;
    Score state_;  // same and mix of planned sessions, repeated of the whole cycle
    // Per session and person, the last swap or move made: undoing it stays
    // tabu for a while (Dotú & Van Hentenryck forbid the reverse swap).
    struct Undo {
        int partner = -1;  // swapped with
        int group = -1;    // or moved from
        std::int64_t until = 0;
    };
    std::vector<std::vector<Undo>> tabu_;
    std::vector<int> leaving_, joining_;  // step caches, see prepare_leaving()
    std::vector<char> joining_ready_;

    // A uniform draw below n; std distributions differ between standard
    // libraries, and a seed must give the same plan everywhere.
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(rng_() % n); }

    std::int64_t stall_limit() const { return 400 + 20L * n_; }

    Score cost() const { return state_; }
    bool locked(int f, int p) const { return layouts_[f].lock_group[p] >= 0; }
    int& met(int a, int b) { return met_[a * n_ + b]; }
    int& coll_count(int f, int g, int c) { return coll_count_[f][g * colls_ + c]; }
    bool unmixed(const std::array<int, 3>& roles) const {
        return mix_ && roles[0] + roles[1] + roles[2] > 0 && (roles[1] == 0 || roles[2] == 0);
    }
    int unmixed_change(const std::array<int, 3>& roles, int out, int in) const {
        auto after = roles;
        if (out >= 0) --after[out];
        if (in >= 0) ++after[in];
        return static_cast<int>(unmixed(after)) - static_cast<int>(unmixed(roles));
    }

    void reset() {
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

    void insert(int f, int p, int g) {
        auto& group = rounds_[f][g];
        for (int x : group) {
            if (met(p, x) >= 1) ++state_.repeated_pairs;
            ++met(p, x);
            ++met(x, p);
        }
        if (coll_[p] >= 0) state_.same_collectivite_pairs += coll_count(f, g, coll_[p])++;
        auto& roles = role_count_[f][g];
        state_.groups_without_mix += unmixed_change(roles, -1, role_[p]);
        ++roles[role_[p]];
        group_of_[f][p] = g;
        slot_of_[f][p] = static_cast<int>(group.size());
        group.push_back(p);
    }

    void remove(int f, int p) {
        const int g = group_of_[f][p];
        auto& group = rounds_[f][g];
        const int last = group.back();
        group[slot_of_[f][p]] = last;
        slot_of_[f][last] = slot_of_[f][p];
        group.pop_back();
        for (int x : group) {
            --met(p, x);
            --met(x, p);
            if (met(p, x) >= 1) --state_.repeated_pairs;
        }
        if (coll_[p] >= 0) state_.same_collectivite_pairs -= --coll_count(f, g, coll_[p]);
        auto& roles = role_count_[f][g];
        state_.groups_without_mix += unmixed_change(roles, role_[p], -1);
        --roles[role_[p]];
        group_of_[f][p] = -1;
    }

    // Pure golfer instances start from an affine design when one exists;
    // roles, collectivités, absences and locks would be ignored by it.
    int construct() {
        const int size = n_ / groups_;
        if (mix_ || colls_ > 0 || first_ > 0 || size * groups_ != n_) return 0;
        for (const auto& layout : layouts_)
            if (std::ssize(layout.present) != n_ || std::ranges::any_of(layout.lock_group, [](int g) { return g >= 0; }))
                return 0;
        const auto design = affine_rounds(groups_, size, static_cast<int>(layouts_.size()));
        for (int f = 0; f < std::ssize(design); ++f)
            for (int g = 0; g < groups_; ++g)
                for (int p : design[f][g]) insert(f, p, g);
        return static_cast<int>(design.size());
    }

    // Places people one by one where they add the least cost; élus and
    // agents first fill the groups lacking their role, so mixes spread.
    void greedy_round(int f) {
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

    // Change of the two rules when p and q trade groups (q = -1: p alone moves to b).
    Score rules_delta(int f, int p, int q, int b) {
        const int a = group_of_[f][p];
        Score d;
        const int cp = coll_[p], cq = q >= 0 ? coll_[q] : -1;
        if (cp != cq) {
            if (cp >= 0) d.same_collectivite_pairs += coll_count(f, b, cp) - (coll_count(f, a, cp) - 1);
            if (cq >= 0) d.same_collectivite_pairs += coll_count(f, a, cq) - (coll_count(f, b, cq) - 1);
        }
        if (mix_ && (q < 0 || role_[p] != role_[q])) {
            const int rq = q >= 0 ? role_[q] : -1;
            d.groups_without_mix = unmixed_change(role_count_[f][a], role_[p], rq) +
                                   unmixed_change(role_count_[f][b], rq, role_[p]);
        }
        return d;
    }

    // Repeated pairs undone when q leaves its group in session f, for every
    // present q; filled once per session and step so that a swap costs O(1).
    void prepare_leaving(int f) {
        for (int q : layouts_[f].present) {
            const int* mq = &met_[q * n_];
            int gain = 0;
            for (int x : rounds_[f][group_of_[f][q]]) gain -= mq[x] >= 2;
            leaving_[q] = gain;
        }
        std::ranges::fill(joining_ready_, 0);
    }

    // Repeated pairs made if each present person joined group g as it stands.
    const int* joining(int f, int g) {
        int* row = &joining_[static_cast<std::size_t>(g) * n_];
        if (!joining_ready_[g]) {
            for (int q : layouts_[f].present) {
                const int* mq = &met_[q * n_];
                int made = 0;
                for (int x : rounds_[f][g]) made += mq[x] >= 1;
                row[q] = made;
            }
            joining_ready_[g] = 1;
        }
        return row;
    }

    // People worth moving: in a repeated or same-collectivité pair, or in a
    // group lacking the mix.
    std::vector<std::pair<int, int>> conflicts() {
        std::vector<std::pair<int, int>> found;
        for (int f = 0; f < std::ssize(rounds_); ++f) {
            // Members of unmixed groups count only while the session could do better.
            const bool mix_fixable =
                std::ranges::count_if(role_count_[f], [&](const auto& roles) { return unmixed(roles); }) >
                mix_floor_[f];
            for (int g = 0; g < groups_; ++g) {
                const auto& group = rounds_[f][g];
                const bool bad_mix = mix_fixable && unmixed(role_count_[f][g]);
                for (int x : group) {
                    if (locked(f, x)) continue;
                    bool conflict = bad_mix;
                    for (std::size_t j = 0; j < group.size() && !conflict; ++j) {
                        const int y = group[j];
                        conflict = y != x && (met(x, y) >= 2 || (coll_[x] >= 0 && coll_[x] == coll_[y]));
                    }
                    if (conflict) found.emplace_back(f, x);
                }
            }
        }
        return found;
    }

    // One tabu step: the best swap or move touching a person in conflict,
    // ties broken at random; a tabu move is taken only if it beats the best
    // plan (aspiration). Returns false when nothing can move at all.
    bool step(std::int64_t it, const Score& best_cost) {
        struct Move {
            int f = -1, p = -1, q = -1, target = -1;
        } chosen;
        Score best_delta;
        int ties = 0;
        bool any = false;
        const Score now = cost();
        auto consider = [&](const Score& d, const Move& move) {
            if (ties > 0 && best_delta < d) return;
            const auto& undo = tabu_[move.f][move.p];
            const bool tabu = undo.until > it && (move.q >= 0 ? undo.partner == move.q : undo.group == move.target);
            if (tabu && !(now + d < best_cost)) return;
            if (ties == 0 || d < best_delta) {
                best_delta = d, chosen = move, ties = 1;
            } else if (d == best_delta && below(++ties) == 0) {
                chosen = move;
            }
        };
        int prepared = -1;
        std::vector<int> p_joining(groups_);
        for (auto [f, p] : conflicts()) {
            if (f != prepared) prepare_leaving(prepared = f);
            const int a = group_of_[f][p];
            const int* q_joining = joining(f, a);
            const int* mp = &met_[p * n_];
            for (int b = 0; b < groups_; ++b) {
                p_joining[b] = 0;
                for (int y : rounds_[f][b]) p_joining[b] += mp[y] >= 1;
            }
            for (int b = 0; b < groups_; ++b) {
                if (b == a) continue;
                for (int q : rounds_[f][b]) {
                    if (locked(f, q)) continue;
                    any = true;
                    // p and q never end up together, so their own pair is taken out of both joins.
                    Score d = rules_delta(f, p, q, b);
                    d.repeated_pairs = leaving_[p] + leaving_[q] + p_joining[b] + q_joining[q] - 2 * (mp[q] >= 1);
                    consider(d, {f, p, q, b});
                }
                if (rounds_[f][a].size() == rounds_[f][b].size() + 1) {
                    any = true;
                    Score d = rules_delta(f, p, -1, b);
                    d.repeated_pairs = leaving_[p] + p_joining[b];
                    consider(d, {f, p, -1, b});
                }
            }
        }
        if (!any) return false;
        if (ties == 0) return true;  // everything tabu this time
        const auto [f, p, q, target] = chosen;
        const int from = group_of_[f][p];
        remove(f, p);
        if (q >= 0) {
            remove(f, q);
            insert(f, q, from);
        }
        insert(f, p, target);
        // A short tenure drawn at random (1 to 4, tuned on 8-4-8) breaks cycles
        // without freezing the few people in conflict.
        const std::int64_t until = it + 1 + static_cast<std::int64_t>(below(4));
        tabu_[f][p] = {q, q >= 0 ? -1 : from, until};
        if (q >= 0) tabu_[f][q] = {p, -1, until};
        return true;
    }

    void restart_from(const std::vector<Round>& best, int fruitless) {
        if (best.empty()) return;
        reset();
        for (int f = 0; f < std::ssize(best); ++f)
            for (int g = 0; g < groups_; ++g)
                for (int p : best[f][g]) insert(f, p, g);
        // A few random swaps, more after each fruitless restart: enough to
        // leave the basin without losing the plan.
        const int kicks = 2 + static_cast<int>(below(4)) + fruitless / 2;
        for (int done = 0, tries = 0; done < kicks && tries < 64 * kicks; ++tries) {
            const int f = static_cast<int>(below(rounds_.size()));
            const auto& present = layouts_[f].present;
            if (present.size() < 2) continue;
            const int p = present[below(present.size())], q = present[below(present.size())];
            if (locked(f, p) || locked(f, q) || group_of_[f][p] == group_of_[f][q]) continue;
            const Score d = rules_delta(f, p, q, group_of_[f][q]);
            // Kicks never break the hard rules: repairing them would undo the kick.
            if (d.same_collectivite_pairs > 0 || d.groups_without_mix > 0) continue;
            const int a = group_of_[f][p], b = group_of_[f][q];
            remove(f, p);
            remove(f, q);
            insert(f, p, b);
            insert(f, q, a);
            ++done;
        }
    }
};

}  // namespace

Plan search(const Problem& problem, const Options& options, std::vector<SessionLayout> layouts) {
    return Engine(problem, options, std::move(layouts)).run();
}

}  // namespace ateliers::groups
