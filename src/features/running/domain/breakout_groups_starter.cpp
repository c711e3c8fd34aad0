// Starter constructions for the Social Golfer problem: resolvable designs made
// of one or more base weeks developed by an abelian group, the classical way to
// build Kirkman and nearly Kirkman triple systems, round robins and resolvable
// (v, 4, 1) designs such as those on 28 and 40 points.
//
// The golfers are k orbits of a group A of order m plus f fixed points (∞).
// Week b*m + e is base week b translated by the element e: golfer (i, x) goes to
// (i, x + e), a fixed point stays. The pairs of golfers fall into "pair orbits":
// (i, j, y - x) for orbits i < j, (i, ±(y - x)) inside one orbit, (∞a, i) for a
// fixed point. Over the developed weeks each pair meets once for every time its
// orbit is used in a base week, so the schedule has no repeated pair exactly
// when the base weeks use each pair orbit at most once, never a difference
// d = -d (that orbit has only m/2 pairs, each would meet twice) and never put
// two fixed points together. A backtracking search with restarts finds such
// base weeks: a few hundred nodes for most classic instances, where the plain
// local search wanders for minutes.
#include <algorithm>
#include <numeric>
#include <cstdint>
#include <random>

#include "features/running/domain/breakout_groups_search.hpp"

namespace ateliers::groups {

namespace {

struct StarterShape {
    int order = 0;         // m, the size of the group
    bool field = false;    // GF(m) addition (elementary abelian) instead of Z_m
    int base_weeks = 1;    // B
    int orbits = 0;        // k
    int fixed = 0;         // f
    // Optional symmetry σ(i, x) = (i + rotate mod k, multiplier · x) that the
    // base week must keep: each group placed brings its images, which cuts the
    // search by the order of σ (the classical multiplier of difference families).
    int multiplier = 1;
    int rotate = 0;
    int fixed_shift = 0;  // σ(∞a) = ∞(a + fixed_shift mod f)
};

class StarterSearch {
public:
    StarterSearch(int groups, int size, const StarterShape& shape) : g_(groups), s_(size), shape_(shape) {
        m_ = shape.order, k_ = shape.orbits, f_ = shape.fixed, n_ = groups * size;
        add_.resize(static_cast<std::size_t>(m_) * m_);
        if (shape.field) {
            add_ = finite_field(m_)->add;
        } else {
            for (int a = 0; a < m_; ++a)
                for (int b = 0; b < m_; ++b) add_[a * m_ + b] = (a + b) % m_;
        }
        std::vector<int> neg(m_);
        for (int a = 0; a < m_; ++a)
            for (int b = 0; b < m_; ++b)
                if (add_[a * m_ + b] == 0) neg[a] = b;
        // Pair orbit numbers: pure (i, ±d), then mixed (i < j, d), then (∞a, i).
        const int pure = 0, mixed = k_ * m_, infinite = mixed + k_ * k_ * m_;
        orbit_count_ = infinite + f_ * k_;
        pair_orbit_.assign(static_cast<std::size_t>(n_) * n_, -1);
        for (int p = 0; p < n_; ++p)
            for (int q = 0; q < n_; ++q) {
                int o = -1;
                if (p == q || (p < f_ && q < f_)) {
                    o = -1;
                } else if (p < f_ || q < f_) {
                    const int a = std::min(p, q), other = std::max(p, q) - f_;
                    o = infinite + a * k_ + other / m_;
                } else {
                    int i = (p - f_) / m_, x = (p - f_) % m_, j = (q - f_) / m_, y = (q - f_) % m_;
                    if (i > j) std::swap(i, j), std::swap(x, y);
                    const int d = add_[y * m_ + neg[x]];
                    if (i < j) {
                        o = mixed + (i * k_ + j) * m_ + d;
                    } else if (d != neg[d]) {
                        o = pure + i * m_ + std::min(d, neg[d]);
                    }
                }
                pair_orbit_[p * n_ + q] = o;
            }
        used_.assign(orbit_count_, 0);
        std::vector<int> mul(static_cast<std::size_t>(m_) * m_);
        if (shape.field) {
            mul = finite_field(m_)->mul;
        } else {
            for (int a = 0; a < m_; ++a)
                for (int b = 0; b < m_; ++b) mul[a * m_ + b] = a * b % m_;
        }
        sigma_.resize(n_);
        for (int p = 0; p < n_; ++p)
            sigma_[p] = p < f_ ? (p + shape.fixed_shift) % f_
                               : f_ + ((p - f_) / m_ + shape.rotate) % k_ * m_ + mul[shape.multiplier * m_ + (p - f_) % m_];
    }

    // One attempt from a fresh candidate order; false when the budget runs out
    // or the shape has no answer for this order.
    bool run(std::mt19937_64& rng, std::int64_t budget) {
        order_.resize(n_);
        for (int p = 0; p < n_; ++p) order_[p] = p;
        for (int i = n_ - 1; i > 0; --i) std::swap(order_[i], order_[rng() % (i + 1)]);
        std::ranges::fill(used_, 0);
        placed_.assign(shape_.base_weeks, std::vector<char>(n_, 0));
        base_.assign(shape_.base_weeks, Round{});
        nodes_ = 0;
        budget_ = budget;
        return fill(0, 0);
    }

    std::int64_t nodes() const { return nodes_; }

    std::vector<Round> develop(int weeks) const {
        std::vector<Round> rounds;
        for (int t = 0; t < weeks && t < shape_.base_weeks * m_; ++t) {
            const int b = t / m_, e = t % m_;
            Round round;
            for (const auto& group : base_[b]) {
                Group moved;
                for (int p : group)
                    moved.push_back(p < f_ ? p : f_ + (p - f_) / m_ * m_ + add_[(p - f_) % m_ * m_ + e]);
                round.push_back(std::move(moved));
            }
            rounds.push_back(std::move(round));
        }
        return rounds;
    }

private:
    int g_, s_;
    StarterShape shape_;
    int m_ = 0, k_ = 0, f_ = 0, n_ = 0, orbit_count_ = 0;
    std::vector<int> add_, pair_orbit_, order_, sigma_;
    std::vector<char> used_;
    std::vector<std::vector<char>> placed_;
    std::vector<Round> base_;
    std::int64_t nodes_ = 0, budget_ = 0;

    int orbit(int p, int q) const { return pair_orbit_[p * n_ + q]; }

    bool fill(int b, int done) {
        if (done == g_) return b + 1 == shape_.base_weeks || fill(b + 1, 0);
        auto& placed = placed_[b];
        const int p = most_constrained(b);
        if (p < 0) return false;
        Group group{p};
        placed[p] = 1;
        const bool found = extend(b, done, group, 0);
        if (!found) placed[p] = 0;
        return found;
    }

    // Adds mates to the group in increasing candidate order, so that each set
    // of mates is tried once.
    bool extend(int b, int done, Group& group, int from) {
        if (std::ssize(group) == s_) return close(b, done, group);
        if (++nodes_ > budget_) return false;
        auto& placed = placed_[b];
        for (int idx = from; idx < n_; ++idx) {
            const int c = order_[idx];
            if (placed[c]) continue;
            std::size_t marked = 0;
            bool ok = true;
            for (int x : group) {
                const int o = orbit(x, c);
                if (o < 0 || used_[o]) {
                    ok = false;
                    break;
                }
                used_[o] = 1;
                ++marked;
            }
            if (ok) {
                placed[c] = 1;
                group.push_back(c);
                if (extend(b, done, group, idx + 1)) return true;
                group.pop_back();
                placed[c] = 0;
            }
            for (std::size_t i = 0; i < marked; ++i) used_[orbit(group[i], c)] = 0;
            if (nodes_ > budget_) return false;
        }
        return false;
    }

    // Places the images of a complete group under σ (each checked like a new
    // group), then goes on with the next group.
    bool close(int b, int done, const Group& group) {
        auto& placed = placed_[b];
        std::vector<Group> images{group};
        std::vector<int> marked_orbits;
        std::vector<int> marked_points;
        auto sorted = [](Group g) {
            std::ranges::sort(g);
            return g;
        };
        const Group first = sorted(group);
        bool ok = true;
        for (Group image = group;;) {
            for (int& p : image) p = sigma_[p];
            if (sorted(image) == first) break;
            for (int p : image) {
                if (placed[p]) ok = false;
            }
            for (std::size_t i = 0; ok && i < image.size(); ++i) {
                for (std::size_t j = 0; ok && j < i; ++j) {
                    const int o = orbit(image[i], image[j]);
                    if (o < 0 || used_[o]) ok = false;
                    else used_[o] = 1, marked_orbits.push_back(o);
                }
            }
            if (!ok) break;
            for (int p : image) placed[p] = 1, marked_points.push_back(p);
            images.push_back(image);
        }
        if (ok) {
            for (const auto& image : images) base_[b].push_back(image);
            if (fill(b, done + static_cast<int>(images.size()))) return true;
            base_[b].resize(base_[b].size() - images.size());
        }
        for (int o : marked_orbits) used_[o] = 0;
        for (int p : marked_points) placed[p] = 0;
        return false;
    }

    // The golfer still to place with the fewest possible mates (first fail),
    // ties to the candidate order; -1 when one has fewer than s-1.
    int most_constrained(int b) const {
        const auto& placed = placed_[b];
        int best = -1, best_mates = n_;
        for (int u : order_) {
            if (placed[u]) continue;
            int mates = 0;
            for (int v = 0; v < n_; ++v)
                if (v != u && !placed[v]) {
                    const int o = orbit(u, v);
                    mates += o >= 0 && !used_[o];
                }
            if (mates < s_ - 1) return -1;
            if (mates < best_mates) best = u, best_mates = mates;
        }
        return best;
    }
};

bool prime(int m) {
    if (m < 2) return false;
    for (int d = 2; d * d <= m; ++d)
        if (m % d == 0) return false;
    return true;
}

// Every group action worth trying for g groups of s over w weeks, the most
// promising first: one base week before two, then the largest group.
std::vector<StarterShape> starter_shapes(int groups, int size, int weeks) {
    const int n = groups * size;
    const int max_weeks = (n - 1) / (size - 1);
    const int pairs_per_week = groups * size * (size - 1) / 2;
    std::vector<StarterShape> shapes;
    for (int b = 1; b <= 3; ++b)
        for (int m = max_weeks / b; m >= 2 && b * m >= weeks; --m) {
            const int k = n / m, f = n % m;
            if (k < 1 || f > groups || (f > 0 && b * (size - 1) > k)) continue;
            int involutions = m % 2 == 0 ? 1 : 0;  // Z_m: the element m/2
            for (bool field : {false, true}) {
                if (field && (prime(m) || !finite_field(m))) continue;
                if (field) involutions = m % 2 == 0 ? m - 1 : 0;  // characteristic 2: every element
                const int available = k * (m - 1 - involutions) / 2 + k * (k - 1) / 2 * m + f * k;
                if (available < b * pairs_per_week) continue;
                StarterShape plain{m, field, b, k, f};
                // Symmetric variants first: σ rotating the k orbits with a
                // multiplier w such that w^k = 1, or x -> -x, either with the
                // fixed points kept or shifted.
                const auto gf = field ? finite_field(m) : std::nullopt;
                auto times = [&](int a, int x) { return field ? gf->mul[a * m + x] : a * x % m; };
                std::vector<StarterShape> variants;
                {
                    // Rotations by 1, k/2 and k/3 orbits, of order k, 2 and 3.
                    for (int rotate : {1, k % 2 == 0 ? k / 2 : 0, k % 3 == 0 && k > 3 ? k / 3 : 0}) {
                        if (rotate == 0 || k < 2) continue;
                        const int period = k / std::gcd(k, rotate);
                        for (int w = 1; w < m; ++w) {
                            int power = 1;
                            for (int e = 0; e < period; ++e) power = times(power, w);
                            if (power == 1 && (field || std::gcd(w, m) == 1)) {
                                auto variant = plain;
                                variant.multiplier = w, variant.rotate = rotate;
                                variants.push_back(variant);
                            }
                        }
                    }
                    const int minus_one = field ? (m % 2 == 0 ? -1 : [&] {
                        for (int x = 0; x < m; ++x)
                            if (gf->add[x * m + 1] == 0) return x;
                        return -1;
                    }())
                                                : m - 1;
                    if (minus_one > 1) {
                        auto variant = plain;
                        variant.multiplier = minus_one;
                        variants.push_back(variant);
                    }
                    for (std::size_t v = 0, count = variants.size(); f > 1 && v < count; ++v) {
                        auto shifted = variants[v];
                        shifted.fixed_shift = 1;
                        variants.push_back(shifted);
                    }
                }
                shapes.insert(shapes.end(), variants.begin(), variants.end());
                shapes.push_back(plain);
            }
        }
    return shapes;
}

}  // namespace

std::vector<Round> starter_rounds(int groups, int size, int weeks, std::uint64_t seed, std::int64_t node_budget) {
    if (groups < 2 || size < 2 || size > groups || weeks < 2 || groups * size > 200) return {};
    const auto shapes = starter_shapes(groups, size, weeks);
    if (shapes.empty()) return {};
    std::vector<StarterSearch> searches;
    for (const auto& shape : shapes) searches.emplace_back(groups, size, shape);
    std::mt19937_64 rng(seed);
    // Restarts with a growing budget, taking every shape in turn: a shape with
    // no answer costs no more than the others.
    std::int64_t spent = 0;
    for (std::int64_t budget = 2'000; spent < node_budget; budget = budget * 3 / 2)
        for (auto& search : searches) {
            const bool found = search.run(rng, std::min(budget, node_budget - spent));
            spent += search.nodes();
            if (found) return search.develop(weeks);
            if (spent >= node_budget) break;
        }
    return {};
}

}  // namespace ateliers::groups
