#include "features/cycles/services/cycle_admin_facilitators.hpp"

#include <vector>

#include "platform/audit/audit.hpp"
#include "features/cycles/services/cycle_form.hpp"
#include "features/cycles/store/facilitators.hpp"

namespace ateliers::services::facilitators {

namespace {

using cycle_form::field_failure;

std::string account_email(soci::session& sql, long long user_id) {
    if (user_id <= 0) return {};
    return store::account_email(sql, user_id).value_or(std::string{});
}

// The facilitator's account changes from `from` to `to` (0: none) on every cycle they
// facilitate; roles the old account holds on other cycles are left alone.
void relink(soci::session& sql, long long actor_id, long long facilitator_id, long long from, long long to,
            const std::string& details) {
    store::set_facilitator_account(sql, facilitator_id, to);
    for (const long long cycle_id : store::facilitator_cycle_ids(sql, facilitator_id)) {
        revoke_role(sql, from, cycle_id);
        grant_role(sql, to, cycle_id);
    }
    record_audit(sql, actor_id, to > 0 ? "facilitator.link_account" : "facilitator.unlink_account",
                 "facilitator:" + std::to_string(facilitator_id), details);
}

}  // namespace

long long linked_user(soci::session& sql, long long facilitator_id) {
    if (facilitator_id <= 0) return 0;
    return store::facilitator_account(sql, facilitator_id).value_or(0);
}

void grant_role(soci::session& sql, long long user_id, long long cycle_id) {
    if (user_id <= 0) return;
    if (!store::has_facilitator_role(sql, user_id, cycle_id)) store::add_facilitator_role(sql, user_id, cycle_id);
}

void revoke_role(soci::session& sql, long long user_id, long long cycle_id) {
    if (user_id <= 0) return;
    store::remove_facilitator_role(sql, user_id, cycle_id);
}

Status link_account(soci::session& sql, long long actor_id, long long facilitator_id, const std::string& email,
                    long long current) {
    if (facilitator_id <= 0) return Done{};
    const long long previous = linked_user(sql, facilitator_id);
    std::string wanted = email;
    // The edit form shows the current facilitator's account; picking someone else leaves
    // that address in the field, and it must not follow them to the new facilitator.
    if (current > 0 && facilitator_id != current && !wanted.empty() &&
        wanted == account_email(sql, linked_user(sql, current)))
        wanted.clear();
    if (wanted.empty()) {
        if (facilitator_id == current && previous > 0 && email.empty())
            relink(sql, actor_id, facilitator_id, previous, 0, "compte retiré : " + account_email(sql, previous));
        return Done{};
    }
    const auto u = store::account_by_email(sql, wanted);
    if (!u)
        return field_failure("facilitator_email", "Aucun compte n’utilise l’adresse " + wanted +
                                                      " : l’intervenant doit d’abord créer son compte sur le site.");
    const long long user_id = u->id;
    if (previous != user_id)
        relink(sql, actor_id, facilitator_id, previous, user_id, u->full_name + " <" + wanted + ">");
    return Done{};
}

}  // namespace ateliers::services::facilitators
