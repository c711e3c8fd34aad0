#include "features/programmes/services/programme_overview.hpp"

#include <map>

#include "features/programmes/domain/access.hpp"
#include "features/programmes/services/programme_admin.hpp"
#include "features/programmes/store/assessments.hpp"
#include "features/programmes/store/grids.hpp"

namespace ateliers::services {

namespace {

std::string stage_of(const store::TerritoryProgress& p, int criteria) {
    if (p.latest_year < 0) return "Diagnostic à faire";
    if (p.latest_year == 0) {
        if (criteria > 0 && p.diagnostic_rated >= criteria) return "Diagnostic complet";
        return "Diagnostic en cours (" + std::to_string(p.diagnostic_rated) + "/" + std::to_string(criteria) + ")";
    }
    return "Bilan de l’année " + std::to_string(p.latest_year);
}

}  // namespace

Result<ProgrammeOverview> programme_overview(store::Database& db, const CurrentUser* user, const std::string& slug) {
    return store::in_transaction<ProgrammeOverview>(db, [&](soci::session& sql) -> Result<ProgrammeOverview> {
        auto programme = store::find_programme(sql, slug);
        if (!programme) return fail("Programme introuvable.", {}, FailureKind::not_found);
        ProgrammeOverview o;
        o.programme = *programme;
        programmes::Viewer viewer;
        if (user) viewer = programme_viewer(sql, *user, programme->id);
        o.manages = programmes::manages(viewer);
        if (auto grid = store::latest_grid(sql)) o.criteria = static_cast<int>(grid->criteria.size());
        std::map<long long, store::TerritoryProgress> progress;
        if (o.manages)
            for (const auto& p : store::territories_progress(sql, programme->id)) progress[p.territory_id] = p;
        for (auto& t : store::programme_territories(sql, programme->id)) {
            TerritoryOverview row;
            row.can_open = programmes::can_read_territory(viewer, t.id);
            if (o.manages) {
                const auto& p = progress[t.id];
                row.stage = stage_of(p, o.criteria);
                row.diagnostic_rated = p.diagnostic_rated;
            }
            row.territory = std::move(t);
            o.territories.push_back(std::move(row));
        }
        return o;
    });
}

}  // namespace ateliers::services
