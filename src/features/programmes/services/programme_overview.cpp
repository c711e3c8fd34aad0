#include "features/programmes/services/programme_overview.hpp"

#include <map>
#include <set>

#include "features/programmes/domain/access.hpp"
#include "features/programmes/services/programme_admin.hpp"
#include "features/programmes/store/assessments.hpp"
#include "features/programmes/store/grids.hpp"

namespace ateliers::services {

namespace {

std::string stage_of(const store::TerritoryProgress& p, int criteria, bool plan_adopted) {
    if (p.latest_year >= 1) return "Bilan de l’année " + std::to_string(p.latest_year);
    if (plan_adopted) return "Plan adopté";
    if (p.latest_year < 0) return "Diagnostic à faire";
    if (p.latest_year == 0) {
        // Out of the criteria of the diagnostic's own grid version, which may be older.
        if (p.diagnostic_criteria > 0) criteria = p.diagnostic_criteria;
        if (criteria > 0 && p.diagnostic_rated >= criteria) return "Diagnostic complet";
        return "Diagnostic en cours (" + std::to_string(p.diagnostic_rated) + "/" + std::to_string(criteria) + ")";
    }
    return "Bilan de l’année " + std::to_string(p.latest_year);
}

}  // namespace

Result<std::vector<store::ProgrammeRow>> programme_list(store::Database& db) {
    return store::in_transaction<std::vector<store::ProgrammeRow>>(
        db, [&](soci::session& sql) -> Result<std::vector<store::ProgrammeRow>> { return store::list_programmes(sql); });
}

Result<ProgrammeOverview> programme_overview(store::Database& db, const CurrentUser* user, const std::string& slug) {
    return store::in_transaction<ProgrammeOverview>(db, [&](soci::session& sql) -> Result<ProgrammeOverview> {
        auto programme = store::find_programme(sql, slug);
        if (!programme) return fail("Programme introuvable.", {}, FailureKind::not_found);
        ProgrammeOverview o;
        o.programme = *programme;
        programmes::Viewer viewer;
        if (user) viewer = programme_viewer(sql, *user, programme->id);
        o.manages = programmes::manages(viewer);
        const auto latest = store::latest_grid(sql);
        if (latest) o.criteria = static_cast<int>(latest->criteria.size());
        std::map<long long, store::TerritoryProgress> progress;
        if (o.manages)
            for (const auto& p : store::territories_progress(sql, programme->id)) progress[p.territory_id] = p;
        std::set<long long> adopted;
        std::map<long long, std::map<std::string, int>> counts;
        std::map<long long, int> overdue;
        if (o.manages) {
            for (auto id : store::programme_adopted_territories(sql, programme->id)) adopted.insert(id);
            for (const auto& c : store::programme_action_counts(sql, programme->id)) {
                counts[c.territory_id][c.status] += c.count;
                o.action_totals[c.status] += c.count;
            }
            const long long now = store::now_utc_seconds();
            o.overdue = store::programme_stale_actions(
                sql, programme->id, now - static_cast<long long>(programmes::follow_up_overdue_weeks) * 7 * 24 * 3600);
            for (const auto& a : o.overdue) ++overdue[a.territory_id];
            std::vector<programmes::TerritoryFamilyScore> scores;
            for (const auto& f : store::programme_family_sums(sql, programme->id))
                if (f.rated > 0 && f.max_level > 0)
                    scores.push_back({f.territory_id, f.year, f.family_code,
                                      100.0 * static_cast<double>(f.level_sum) / (f.rated * f.max_level)});
            o.families = programmes::family_progress(scores);
            if (latest)
                for (const auto& f : latest->families) o.family_titles[f.code] = f.title;
            o.providers = programmes::provider_load(store::programme_provider_assignments(sql, programme->id),
                                                    store::programme_carried_actions(sql, programme->id), now);
        }
        for (auto& t : store::programme_territories(sql, programme->id)) {
            TerritoryOverview row;
            row.can_open = programmes::can_read_territory(viewer, t.id);
            if (o.manages) {
                const auto& p = progress[t.id];
                row.plan_adopted = adopted.count(t.id) > 0;
                row.stage = stage_of(p, o.criteria, row.plan_adopted);
                row.diagnostic_rated = p.diagnostic_rated;
                row.diagnostic_grid_version = p.diagnostic_grid_version;
                row.latest_grid_version = p.latest_grid_version;
                row.actions_by_status = counts[t.id];
                for (const auto& [_, n] : row.actions_by_status) row.actions += n;
                row.overdue = overdue[t.id];
            }
            row.territory = std::move(t);
            o.territories.push_back(std::move(row));
        }
        return o;
    });
}

}  // namespace ateliers::services
