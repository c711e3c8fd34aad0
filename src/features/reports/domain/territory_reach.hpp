#pragma once
// The agency's reach across the four kinds of work, as pure rules:
//   - "collectivités touchées": distinct collectivités any module's work touched, and,
//     counted apart, the communes covered only through their EPCI (an intercommunality
//     accompanied covers its member communes, but none of their people took part);
//   - the territory page: every participation of a collectivité (or of an EPCI and its
//     member communes) grouped by kind of work, most recent first, each line saying
//     which collectivité took part.
#include <map>
#include <string>
#include <vector>

#include "platform/core/reach.hpp"

namespace ateliers::reports {

// "commune:42168" -> "commune"; an id without a kind -> "".
std::string collectivite_kind_of(const std::string& id);
// "commune" -> "Communes", "epci" -> "Intercommunalités (EPCI)"…
std::string collectivite_kind_label(const std::string& kind);

// The collectivités one kind of work reached ("Cycles d’ateliers", ids).
struct ReachByWork {
    std::string work;
    std::vector<std::string> collectivites;
};

struct ReachCount {
    std::string label;
    int count = 0;
};

struct CollectivitesReached {
    int total = 0;                       // distinct, across every kind of work
    std::vector<ReachCount> by_work;     // distinct within each kind, in the order given
    std::vector<ReachCount> by_kind;     // communes, EPCI, départements, régions, others
    int communes_through_epci = 0;       // member communes of reached EPCIs, not reached themselves
    int epcis_reached = 0;
};

// `epci_members`: for each reached EPCI, the ids of its member communes.
CollectivitesReached count_reached(const std::vector<ReachByWork>& works,
                                   const std::map<std::string, std::vector<std::string>>& epci_members);

struct TerritoryLine {
    modules::TerritoryParticipation participation;
    std::string where;  // the collectivité that took part, when not the page's own; else empty
};

struct TerritoryGroup {
    std::string kind, label;
    std::vector<TerritoryLine> lines;  // most recent first
};

struct TerritoryOverview {
    std::vector<TerritoryGroup> groups;  // in the order the kinds first appear
    int participations = 0;
    int offers = 0;                            // distinct (kind, offer)
    std::vector<std::string> collectivites;    // names of those that took part, page's own first
};

// `page_id`: the collectivité of the page; `names`: label of each collectivité that may
// appear (the page's own and, for an EPCI, its member communes).
TerritoryOverview territory_overview(const std::vector<modules::TerritoryParticipation>& participations,
                                     const std::string& page_id, const std::map<std::string, std::string>& names);

}  // namespace ateliers::reports
