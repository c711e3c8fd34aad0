#include "features/programmes/services/territory_scope.hpp"

#include "features/programmes/services/programme_admin.hpp"

namespace ateliers::services {

Result<TerritoryScope> territory_scope(soci::session& sql, const CurrentUser* actor, const std::string& slug,
                                       long long territory_id) {
    auto programme = store::find_programme(sql, slug);
    if (!programme) return fail("Programme introuvable.", {}, FailureKind::not_found);
    auto territory = store::find_programme_territory(sql, programme->id, territory_id);
    if (!territory) return fail("Territoire introuvable dans ce programme.", {}, FailureKind::not_found);
    TerritoryScope s{*programme, *territory, {}};
    if (!actor) s.viewer.organiser = true;
    else s.viewer = programme_viewer(sql, *actor, programme->id);
    if (!programmes::can_read_territory(s.viewer, territory_id))
        return fail("Cet espace est réservé à l’équipe du territoire, à ses prestataires et à l’ANCT.", {},
                    FailureKind::forbidden);
    return s;
}

Result<TerritoryScope> open_territory(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                      long long territory_id) {
    return store::in_transaction<TerritoryScope>(
        db, [&](soci::session& sql) { return territory_scope(sql, actor, slug, territory_id); });
}

}  // namespace ateliers::services
