#include "features/cycles/services/cycle_admin_facilitators.hpp"

#include <vector>

#include "platform/audit/audit.hpp"
#include "features/cycles/services/cycle_form.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::services::facilitators {

namespace {

using store::as_int;
using store::as_text;
using cycle_form::field_failure;

std::string account_email(soci::session& sql, long long user_id) {
    if (user_id <= 0) return {};
    std::string email;
    sql << "SELECT email FROM users WHERE id = :u", soci::use(user_id), soci::into(email);
    return sql.got_data() ? email : std::string{};
}

// The facilitator's account changes from `from` to `to` (0: none) on every cycle they
// facilitate; roles the old account holds on other cycles are left alone.
void relink(soci::session& sql, long long actor_id, long long facilitator_id, long long from, long long to,
            const std::string& details) {
    soci::indicator to_ind = to > 0 ? soci::i_ok : soci::i_null;
    sql << "UPDATE facilitators SET user_id = :u WHERE id = :f", soci::use(to, to_ind), soci::use(facilitator_id);
    std::vector<std::string> slugs;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT slug FROM cycles WHERE facilitator_id = :f", soci::use(facilitator_id));
    for (const auto& r : rows) slugs.push_back(as_text(r, 0));
    for (const auto& slug : slugs) {
        revoke_role(sql, from, slug);
        grant_role(sql, to, slug);
    }
    record_audit(sql, actor_id, to > 0 ? "facilitator.link_account" : "facilitator.unlink_account",
                 "facilitator:" + std::to_string(facilitator_id), details);
}

}  // namespace

long long linked_user(soci::session& sql, long long facilitator_id) {
    if (facilitator_id <= 0) return 0;
    soci::row r;
    sql << "SELECT COALESCE(user_id, 0) FROM facilitators WHERE id = :f", soci::use(facilitator_id), soci::into(r);
    return sql.got_data() ? as_int(r, 0) : 0;
}

void grant_role(soci::session& sql, long long user_id, const std::string& cycle_slug) {
    if (user_id <= 0) return;
    long long exists = 0;
    sql << "SELECT COUNT(*) FROM user_roles WHERE user_id = :u AND role = 'facilitator' AND scope = :s",
        soci::use(user_id), soci::use(cycle_slug), soci::into(exists);
    if (exists == 0)
        sql << "INSERT INTO user_roles (user_id, role, scope) VALUES (:u, 'facilitator', :s)", soci::use(user_id),
            soci::use(cycle_slug);
}

void revoke_role(soci::session& sql, long long user_id, const std::string& cycle_slug) {
    if (user_id <= 0) return;
    sql << "DELETE FROM user_roles WHERE user_id = :u AND role = 'facilitator' AND scope = :s", soci::use(user_id),
        soci::use(cycle_slug);
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
    soci::row u;
    sql << "SELECT id, full_name FROM users WHERE email = :e", soci::use(wanted), soci::into(u);
    if (!sql.got_data())
        return field_failure("facilitator_email", "Aucun compte n’utilise l’adresse " + wanted +
                                                      " : l’intervenant doit d’abord créer son compte sur le site.");
    const long long user_id = as_int(u, 0);
    if (previous != user_id)
        relink(sql, actor_id, facilitator_id, previous, user_id, as_text(u, 1) + " <" + wanted + ">");
    return Done{};
}

}  // namespace ateliers::services::facilitators
