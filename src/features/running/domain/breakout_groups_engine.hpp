#pragma once
// The engine of the breakout groups search (breakout_groups_search.hpp): the plan
// being improved with its incremental costs, kept here; the greedy start in
// breakout_groups_search.cpp, the tabu steps and restarts in breakout_groups_tabu.cpp.
// Internal to those two files.
#include "features/running/domain/breakout_groups_search.hpp"

#include <array>
#include <random>

namespace ateliers::groups::search_engine {

class Engine {
public:
    Engine(const Problem& problem, const Options& options, std::vector<SessionLayout> layouts);

    Plan run();

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

    void reset();

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
    int construct();

    // Places people one by one where they add the least cost; élus and
    // agents first fill the groups lacking their role, so mixes spread.
    void greedy_round(int f);

    // Triska & Musliu's greedy start for a week of pure golfers (no rules,
    // locks or absences): each group is filled pair by pair with the two
    // golfers adding the fewest repeats and, among those, leaving the group
    // the most freedom (golfers still free to join who met none of it).
    // False when it does not apply.
    bool greedy_golfer_round(int f);

    // Change of the two rules when p and q trade groups (q = -1: p alone moves to b).
    Score rules_delta(int f, int p, int q, int b);

    // Repeated pairs undone when q leaves its group in session f, for every
    // present q; filled once per session and step so that a swap costs O(1).
    void prepare_leaving(int f);

    // Repeated pairs made if each present person joined group g as it stands.
    const int* joining(int f, int g);

    // People worth moving: in a repeated or same-collectivité pair, or in a
    // group lacking the mix.
    std::vector<std::pair<int, int>> conflicts();

    // One tabu step: the best swap or move touching a person in conflict,
    // ties broken at random; a tabu move is taken only if it beats the best
    // plan (aspiration). Returns false when nothing can move at all.
    bool step(std::int64_t it, const Score& best_cost);

    void restart_from(const std::vector<Round>& best, int fruitless);
};

}  // namespace ateliers::groups::search_engine
