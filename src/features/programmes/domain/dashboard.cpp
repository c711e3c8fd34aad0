#include "features/programmes/domain/dashboard.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace ateliers::programmes {

bool action_open(const std::string& status) {
    return status == "proposee" || status == "en_cours" || status == "bloquee";
}

bool follow_up_overdue(const std::string& status, long long updated_at, long long now, int weeks) {
    return action_open(status) && now - updated_at > static_cast<long long>(weeks) * 7 * 24 * 3600;
}

std::vector<FamilyProgress> family_progress(const std::vector<TerritoryFamilyScore>& scores) {
    // (family, territory) → (earliest year, its score, latest year, its score)
    struct Span {
        int first_year = 0, latest_year = 0;
        double first = 0, latest = 0;
    };
    std::map<std::pair<std::string, long long>, Span> spans;
    for (const auto& s : scores) {
        const auto key = std::make_pair(s.family_code, s.territory_id);
        auto it = spans.find(key);
        if (it == spans.end()) {
            spans[key] = {s.year, s.year, s.percent, s.percent};
            continue;
        }
        auto& span = it->second;
        if (s.year < span.first_year) span.first_year = s.year, span.first = s.percent;
        if (s.year > span.latest_year) span.latest_year = s.year, span.latest = s.percent;
    }
    std::map<std::string, FamilyProgress> by_family;
    for (const auto& [key, span] : spans) {
        auto& f = by_family[key.first];
        f.family_code = key.first;
        ++f.territories;
        f.first += span.first;
        f.latest += span.latest;
    }
    std::vector<FamilyProgress> out;
    for (auto& [code, f] : by_family) {
        f.first /= f.territories;
        f.latest /= f.territories;
        f.delta = f.latest - f.first;
        out.push_back(f);
    }
    std::sort(out.begin(), out.end(), [](const FamilyProgress& a, const FamilyProgress& b) {
        return std::make_tuple(-a.delta, -a.latest, a.family_code) < std::make_tuple(-b.delta, -b.latest, b.family_code);
    });
    return out;
}

}  // namespace ateliers::programmes
