#include "features/reports/services/agency_reach.hpp"

#include <map>
#include <set>

namespace ateliers::services {

Result<AgencyReach> agency_reach(store::Database& db, const std::vector<ReachSectionSource>& sources,
                                 const modules::ReportPeriod& period) {
    try {
        return store::with_session(db, [&](soci::session& sql) -> AgencyReach {
            AgencyReach out;
            std::vector<reports::ReachByWork> works;
            std::set<std::string> epcis;
            for (const auto& source : sources) {
                out.sections.push_back(source(sql, period));
                const auto& s = out.sections.back();
                works.push_back({s.kind, s.reached});
                for (const auto& id : s.reached)
                    if (reports::collectivite_kind_of(id) == "epci") epcis.insert(id);
            }
            std::map<std::string, std::vector<std::string>> members;
            for (const auto& epci : epcis)
                for (const auto& c : store::epci_member_communes(sql, epci)) members[epci].push_back(c.id);
            out.reached = reports::count_reached(works, members);
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

std::vector<spreadsheet::Table> reach_tables(const AgencyReach& reach) {
    std::vector<spreadsheet::Table> out;
    const auto& r = reach.reached;
    spreadsheet::Table headline{"Collectivités touchées", {"Collectivités touchées", "Nombre"}, {}};
    headline.rows.push_back({"Toutes activités (collectivités distinctes)", std::to_string(r.total)});
    for (const auto& w : r.by_work) headline.rows.push_back({w.label, std::to_string(w.count)});
    for (const auto& k : r.by_kind) headline.rows.push_back({"dont " + k.label, std::to_string(k.count)});
    headline.rows.push_back({"Communes couvertes par leur intercommunalité (en plus, non comptées ci-dessus)",
                             std::to_string(r.communes_through_epci)});
    out.push_back(std::move(headline));
    for (const auto& s : reach.sections) {
        spreadsheet::Table figures{s.title, {"Indicateur", "Valeur", "Précision"}, {}};
        for (const auto& f : s.figures) figures.rows.push_back({f.label, f.value, f.note});
        out.push_back(std::move(figures));
        for (const auto& t : s.tables) out.push_back({t.caption, t.columns, t.rows});
    }
    return out;
}

Result<std::optional<TerritoryPage>> territory_page(store::Database& db, const std::vector<ReachActivitySource>& sources,
                                                   const std::string& code) {
    try {
        return store::with_session(db, [&](soci::session& sql) -> std::optional<TerritoryPage> {
            auto found = store::find_collectivite_by_code(sql, code);
            if (!found) return std::nullopt;
            TerritoryPage page;
            page.collectivite = std::move(*found);
            page.label = store::collectivite_label(page.collectivite);
            page.within = store::enclosing_collectivites(sql, page.collectivite);
            std::map<std::string, std::string> names{{page.collectivite.id, page.collectivite.name}};
            std::vector<std::string> ids{page.collectivite.id};
            if (page.collectivite.kind == "epci") {
                page.members = store::epci_member_communes(sql, page.collectivite.id);
                for (const auto& m : page.members) {
                    names[m.id] = m.name;
                    ids.push_back(m.id);
                }
            }
            std::vector<modules::TerritoryParticipation> all;
            for (const auto& source : sources) {
                auto part = source(sql, ids);
                all.insert(all.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
            }
            page.overview = reports::territory_overview(all, page.collectivite.id, names);
            return page;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<std::vector<store::CollectiviteRow>> territory_search(store::Database& db, const std::string& query) {
    try {
        return store::with_session(db, [&](soci::session& sql) { return store::search_collectivites(sql, query, 20); });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

}  // namespace ateliers::services
