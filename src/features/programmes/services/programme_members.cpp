#include "features/programmes/services/programme_members.hpp"

#include <algorithm>

#include "features/programmes/domain/access.hpp"
#include "features/programmes/services/programme_admin.hpp"
#include "platform/audit/audit.hpp"

namespace ateliers::services {

Result<ProgrammeMembersView> programme_members_view(store::Database& db, const CurrentUser& actor, const std::string& slug) {
    return store::in_transaction<ProgrammeMembersView>(db, [&](soci::session& sql) -> Result<ProgrammeMembersView> {
        auto programme = store::find_programme(sql, slug);
        if (!programme) return fail("Programme introuvable.", {}, FailureKind::not_found);
        if (!programmes::can_manage_programme(programme_viewer(sql, actor, programme->id)))
            return fail("Les membres du programme sont gérés par l’équipe de l’ANCT.", {}, FailureKind::forbidden);
        ProgrammeMembersView v;
        v.programme = *programme;
        v.members = store::programme_members(sql, programme->id);
        v.territories = store::programme_territories(sql, programme->id);
        std::stable_sort(v.members.begin(), v.members.end(), [](const auto& a, const auto& b) {
            return std::tie(a.territory_id, a.role, a.email) < std::tie(b.territory_id, b.role, b.email);
        });
        return v;
    });
}

Status revoke_programme_member(store::Database& db, const CurrentUser& actor, const std::string& slug, long long member_id) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        auto programme = store::find_programme(sql, slug);
        if (!programme) return fail("Programme introuvable.", {}, FailureKind::not_found);
        if (!programmes::can_manage_programme(programme_viewer(sql, actor, programme->id)))
            return fail("Les membres du programme sont gérés par l’équipe de l’ANCT.", {}, FailureKind::forbidden);
        const auto members = store::programme_members(sql, programme->id);
        auto m = std::find_if(members.begin(), members.end(), [&](const auto& x) { return x.id == member_id; });
        if (m == members.end()) return fail("Ce membre ne fait plus partie du programme.", {}, FailureKind::not_found);
        if (m->role == "manager" && (m->user_id == actor.id || m->email == actor.email))
            return fail("Vous ne pouvez pas retirer votre propre rôle de chargé·e de programme.", {}, FailureKind::conflict);
        store::delete_programme_member(sql, programme->id, member_id);
        record_audit(sql, actor.id, "programme.member.revoke", "programme:" + slug,
                     "Rôle retiré : " + m->role + " — " + m->email);
        return Done{};
    });
}

}  // namespace ateliers::services
