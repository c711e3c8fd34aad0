#include "features/roles/services/staff_roles.hpp"

#include "platform/audit/audit.hpp"
#include "platform/core/text.hpp"

namespace ateliers::services {

namespace {

Failure invalid(std::string message, std::string field) {
    return fail(std::move(message), std::move(field), FailureKind::invalid);
}

std::string lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// "Animation d’un cycle (Forêts : coopérer)" or the plain label.
std::string role_text(const std::string& role, const std::string& cycle_title) {
    const auto label = role_grants::role_label(role);
    return cycle_title.empty() ? label : label + " (" + cycle_title + ")";
}

}  // namespace

Result<StaffRolesView> staff_roles_view(store::Database& db, const CurrentUser& actor, const std::string& search) {
    const auto granter = role_grants::granter_of(actor.roles);
    if (granter == role_grants::Granter::nobody)
        return fail("Seule l’équipe d’organisation gère les rôles.", {}, FailureKind::forbidden);
    try {
        return store::with_session(db, [&](soci::session& sql) {
            StaffRolesView view;
            view.roles = store::staff_roles(sql);
            const auto query = lower(std::string(text::trim(search)));
            if (query.size() >= 3) view.found = store::staff_account_search(sql, query, 20);
            view.cycles = store::staff_cycles(sql);
            for (auto& p : store::list_programmes(sql)) {
                auto territories = store::programme_territories(sql, p.id);
                view.programmes.push_back({std::move(p), std::move(territories)});
            }
            view.grantable = role_grants::grantable_roles(granter);
            return view;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Status grant_staff_role(store::Database& db, const CurrentUser& actor, const StaffRoleChange& change) {
    const auto granter = role_grants::granter_of(actor.roles);
    if (change.role.empty()) return invalid("Choisissez un rôle.", "role");
    if (!role_grants::may_grant(granter, change.role) || change.role == "participant")
        return fail("Vous ne pouvez pas donner le rôle « " + role_grants::role_label(change.role) + " ».", "role",
                    FailureKind::forbidden);
    const auto email = accounts::normalise_email(change.email);
    if (email.find('@') == std::string::npos) return invalid("Indiquez l’adresse électronique d’un compte.", "email");
    if (change.role == "facilitator" && change.cycle_id <= 0)
        return invalid("Choisissez le cycle que cette personne anime.", "cycle_id");
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto account = store::staff_account_by_email(sql, email);
        if (!account)
            return fail("Aucun compte avec l’adresse " + email +
                            ". Pour une personne sans compte, envoyez-lui une invitation.",
                        "email", FailureKind::not_found);
        std::string scope, cycle_title;
        if (change.role == "facilitator") {
            const auto cycle = store::staff_cycle(sql, change.cycle_id);
            if (!cycle) return invalid("Ce cycle n’existe pas.", "cycle_id");
            scope = std::to_string(cycle->id);
            cycle_title = cycle->title;
        }
        if (store::staff_role_exists(sql, account->id, change.role, scope))
            return fail(account->full_name + " a déjà ce rôle.", "role", FailureKind::conflict);
        store::insert_staff_role(sql, account->id, change.role, scope);
        record_audit(sql, actor.id, "role.grant", "user:" + std::to_string(account->id),
                     "Rôle donné : " + role_text(change.role, cycle_title) + " à " + account->full_name + " (" +
                         account->email + ")");
        return Done{};
    });
}

Status revoke_staff_role(store::Database& db, const CurrentUser& actor, long long user_id, const std::string& role,
                         const std::string& scope) {
    const auto granter = role_grants::granter_of(actor.roles);
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto refusal =
            role_grants::revoke_refusal(granter, role, user_id == actor.id, store::count_other_admins(sql, user_id));
        if (!refusal.empty()) return fail(refusal, {}, FailureKind::forbidden);
        const auto account = store::staff_account_by_id(sql, user_id);
        if (!account || !store::delete_staff_role(sql, user_id, role, scope))
            return fail("Cette personne n’a pas ou plus ce rôle.", {}, FailureKind::not_found);
        std::string cycle_title;
        if (role == "facilitator" && !scope.empty())
            if (const auto id = text::parse_bounded_integer(scope, 1, 1'000'000'000'000LL))
                if (const auto cycle = store::staff_cycle(sql, *id)) cycle_title = cycle->title;
        record_audit(sql, actor.id, "role.revoke", "user:" + std::to_string(user_id),
                     "Rôle retiré : " + role_text(role, cycle_title) + " à " + account->full_name + " (" +
                         account->email + ")");
        return Done{};
    });
}

}  // namespace ateliers::services
