// An affine resolvable design for the Social Golfer problem, built on the finite
// field GF(q): the exact answer when the number of groups is a prime power, which
// the search starts from.
#include "features/running/domain/breakout_groups_search.hpp"

#include <algorithm>
#include <optional>
#include <vector>

namespace ateliers::groups {

std::optional<Field> finite_field(int q) {
    if (q < 2 || q > 256) return std::nullopt;
    int p = 2;
    while (q % p != 0) ++p;
    int k = 0;
    for (int r = q; r > 1; r /= p, ++k)
        if (r % p != 0) return std::nullopt;
    std::vector<std::vector<int>> digits(q, std::vector<int>(k));
    for (int v = 0; v < q; ++v)
        for (int i = 0, r = v; i < k; ++i, r /= p) digits[v][i] = r % p;
    auto number = [&](const std::vector<int>& d) {
        int v = 0;
        for (int i = k - 1; i >= 0; --i) v = v * p + d[i];
        return v;
    };
    Field field{std::vector<int>(q * q), std::vector<int>(q * q)};
    for (int a = 0; a < q; ++a)
        for (int b = 0; b < q; ++b) {
            std::vector<int> sum(k);
            for (int i = 0; i < k; ++i) sum[i] = (digits[a][i] + digits[b][i]) % p;
            field.add[a * q + b] = number(sum);
        }
    // Tries the moduli x^k + m(x) until the product makes every nonzero element invertible.
    for (int m = 0; m < q; ++m) {
        for (int a = 0; a < q; ++a)
            for (int b = 0; b < q; ++b) {
                std::vector<int> prod(2 * k - 1, 0);
                for (int i = 0; i < k; ++i)
                    for (int j = 0; j < k; ++j) prod[i + j] = (prod[i + j] + digits[a][i] * digits[b][j]) % p;
                for (int i = 2 * k - 2; i >= k; --i) {
                    const int c = prod[i];
                    prod[i] = 0;
                    for (int j = 0; j < k; ++j) prod[i - k + j] = ((prod[i - k + j] - c * digits[m][j]) % p + p) % p;
                }
                prod.resize(k);
                field.mul[a * q + b] = number(prod);
            }
        bool invertible = true;
        for (int a = 1; a < q && invertible; ++a) {
            const auto row = field.mul.begin() + a * q;
            invertible = std::find(row, row + q, 1) != row + q;
        }
        if (invertible) return field;
    }
    return std::nullopt;
}

// Golfer (x, s) sits in group x + s*w in week w: two golfers of different s
// meet exactly once over the q weeks, two of equal s never, so one more week
// can group golfers of equal s when s divides q (8-4-9 is exactly that).
std::vector<Round> affine_rounds(int groups, int size, int weeks) {
    const int q = groups;
    if (size < 2 || size > q) return {};
    const auto field = finite_field(q);
    if (!field) return {};
    const int count = std::min(weeks, q + (q % size == 0 ? 1 : 0));
    std::vector<Round> rounds(count, Round(q));
    for (int w = 0; w < count; ++w)
        for (int p = 0; p < q * size; ++p) {
            const int x = p / size, s = p % size;
            rounds[w][w < q ? field->add[x * q + field->mul[s * q + w]] : s * (q / size) + x / size].push_back(p);
        }
    return rounds;
}

}  // namespace ateliers::groups
