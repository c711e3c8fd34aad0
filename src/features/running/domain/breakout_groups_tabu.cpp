// The tabu search proper (see breakout_groups_search.cpp): the moves worth trying,
// one step to the best of them, and restarts from the best plan with a few kicks.
#include <algorithm>
#include <array>
#include <random>

#include "features/running/domain/breakout_groups_engine.hpp"

namespace ateliers::groups::search_engine {

namespace {

Score operator+(Score a, const Score& b) {
    a.same_collectivite_pairs += b.same_collectivite_pairs;
    a.groups_without_mix += b.groups_without_mix;
    a.repeated_pairs += b.repeated_pairs;
    return a;
}

}  // namespace

Score Engine::rules_delta(int f, int p, int q, int b) {
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

void Engine::prepare_leaving(int f) {
    for (int q : layouts_[f].present) {
        const int* mq = &met_[q * n_];
        int gain = 0;
        for (int x : rounds_[f][group_of_[f][q]]) gain -= mq[x] >= 2;
        leaving_[q] = gain;
    }
    std::ranges::fill(joining_ready_, 0);
}

const int* Engine::joining(int f, int g) {
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

std::vector<std::pair<int, int>> Engine::conflicts() {
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

bool Engine::step(std::int64_t it, const Score& best_cost) {
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

void Engine::restart_from(const std::vector<Round>& best, int fruitless) {
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

}  // namespace ateliers::groups::search_engine
