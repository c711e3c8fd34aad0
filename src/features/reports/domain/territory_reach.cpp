#include "features/reports/domain/territory_reach.hpp"

#include <algorithm>
#include <iterator>
#include <set>
#include <tuple>

namespace ateliers::reports {

std::string collectivite_kind_of(const std::string& id) {
    const auto colon = id.find(':');
    return colon == std::string::npos ? std::string() : id.substr(0, colon);
}

std::string collectivite_kind_label(const std::string& kind) {
    if (kind == "commune") return "Communes";
    if (kind == "epci") return "Intercommunalités (EPCI)";
    if (kind == "departement") return "Départements";
    if (kind == "region") return "Régions";
    return "Autres";
}

CollectivitesReached count_reached(const std::vector<ReachByWork>& works,
                                   const std::map<std::string, std::vector<std::string>>& epci_members) {
    CollectivitesReached out;
    std::set<std::string> all;
    for (const auto& w : works) {
        const std::set<std::string> distinct(w.collectivites.begin(), w.collectivites.end());
        out.by_work.push_back({w.work, static_cast<int>(distinct.size())});
        all.insert(distinct.begin(), distinct.end());
    }
    out.total = static_cast<int>(all.size());
    const std::vector<std::string> kinds{"commune", "epci", "departement", "region", ""};
    std::map<std::string, int> per_kind;
    for (const auto& id : all) {
        auto kind = collectivite_kind_of(id);
        if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kind = "";
        ++per_kind[kind];
    }
    for (const auto& k : kinds)
        if (per_kind[k] > 0) out.by_kind.push_back({collectivite_kind_label(k), per_kind[k]});
    // A commune reached directly counts once, among the communes, never again here; a
    // commune in two reached EPCIs (a merger in the referential's history) counts once.
    std::set<std::string> through;
    for (const auto& id : all) {
        if (collectivite_kind_of(id) != "epci") continue;
        ++out.epcis_reached;
        if (const auto it = epci_members.find(id); it != epci_members.end())
            for (const auto& commune : it->second)
                if (!all.count(commune)) through.insert(commune);
    }
    out.communes_through_epci = static_cast<int>(through.size());
    return out;
}

TerritoryOverview territory_overview(const std::vector<modules::TerritoryParticipation>& participations,
                                     const std::string& page_id, const std::map<std::string, std::string>& names) {
    TerritoryOverview out;
    std::set<std::pair<std::string, std::string>> offers;
    std::set<std::string> took_part;
    for (const auto& p : participations) {
        if (!names.count(p.collectivite_id)) continue;  // not this territory's: never shown
        auto group = std::find_if(out.groups.begin(), out.groups.end(),
                                  [&](const TerritoryGroup& g) { return g.kind == p.kind; });
        if (group == out.groups.end()) {
            out.groups.push_back({p.kind, p.kind_label, {}});
            group = std::prev(out.groups.end());
        }
        group->lines.push_back({p, p.collectivite_id == page_id ? std::string() : names.at(p.collectivite_id)});
        ++out.participations;
        offers.insert({p.kind, p.offer});
        took_part.insert(p.collectivite_id);
    }
    for (auto& g : out.groups)
        std::stable_sort(g.lines.begin(), g.lines.end(), [](const TerritoryLine& a, const TerritoryLine& b) {
            const auto& x = a.participation;
            const auto& y = b.participation;
            if (x.starts_at != y.starts_at) return x.starts_at > y.starts_at;
            return std::tie(x.offer, a.where) < std::tie(y.offer, b.where);
        });
    out.offers = static_cast<int>(offers.size());
    if (took_part.count(page_id)) out.collectivites.push_back(names.at(page_id));
    std::vector<std::string> others;
    for (const auto& id : took_part)
        if (id != page_id) others.push_back(names.at(id));
    std::sort(others.begin(), others.end());
    out.collectivites.insert(out.collectivites.end(), others.begin(), others.end());
    return out;
}

}  // namespace ateliers::reports
