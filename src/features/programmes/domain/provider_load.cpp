#include "features/programmes/domain/provider_load.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "features/programmes/domain/dashboard.hpp"
#include "platform/core/text.hpp"

namespace ateliers::programmes {

std::vector<std::string> provider_names(const std::string& field) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= field.size()) {
        auto end = field.find(',', start);
        if (end == std::string::npos) end = field.size();
        auto name = text::trim(field.substr(start, end - start));
        if (!name.empty()) out.push_back(std::move(name));
        start = end + 1;
    }
    return out;
}

std::vector<ProviderLoad> provider_load(const std::vector<ProviderAssignment>& assignments,
                                        const std::vector<CarriedAction>& actions, long long now) {
    std::map<std::string, ProviderLoad> by_key;
    std::map<std::string, std::set<long long>> territories;
    auto entry = [&](const std::string& name) -> ProviderLoad& {
        auto& p = by_key[text::fold_for_search(name)];
        if (p.name.empty()) p.name = name;
        return p;
    };
    for (const auto& a : assignments) {
        const auto name = text::trim(a.organisation).empty() ? text::trim(a.email) : text::trim(a.organisation);
        if (name.empty()) continue;
        entry(name);
        territories[text::fold_for_search(name)].insert(a.territory_id);
    }
    for (const auto& action : actions) {
        const bool open = action_open(action.status);
        const bool late = follow_up_overdue(action.status, action.updated_at, now);
        std::set<std::string> seen;  // a name written twice in one action counts once
        for (const auto& name : provider_names(action.providers)) {
            if (!seen.insert(text::fold_for_search(name)).second) continue;
            auto& p = entry(name);
            ++p.by_status[action.status];
            ++p.actions;
            if (open) ++p.open;
            if (late) ++p.overdue;
        }
    }
    std::vector<ProviderLoad> out;
    for (auto& [key, p] : by_key) {
        const auto& t = territories[key];
        p.territories.assign(t.begin(), t.end());
        out.push_back(std::move(p));
    }
    std::sort(out.begin(), out.end(), [](const ProviderLoad& a, const ProviderLoad& b) {
        return std::make_tuple(-a.open, -a.overdue, -static_cast<long long>(a.territories.size()), text::fold_for_search(a.name)) <
               std::make_tuple(-b.open, -b.overdue, -static_cast<long long>(b.territories.size()), text::fold_for_search(b.name));
    });
    return out;
}

}  // namespace ateliers::programmes
