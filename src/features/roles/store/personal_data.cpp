#include "features/roles/store/personal_data.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

std::vector<privacy::DataTable> roles_personal_tables(soci::session& sql, long long user_id) {
    privacy::DataTable t{"invitations_roles", "Invitations à un rôle", {"Rôle", "Envoyée le (UTC, secondes)", "Utilisée"}, {}};
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT ri.role, ri.created_at, ri.used_at FROM role_invitations ri "
                        "JOIN users u ON u.email = ri.email WHERE u.id = :u ORDER BY ri.id",
         soci::use(user_id));
    for (const auto& r : rows)
        t.rows.push_back({as_text(r, "role") == "facilitator" ? "Animation d’un cycle" : "Prestataire",
                          std::to_string(as_int(r, "created_at")), as_optional_int(r, "used_at") ? "oui" : "non"});
    return {t};
}

void forget_role_invitations(soci::session& sql, long long user_id) {
    sql << "DELETE FROM role_invitations WHERE email = (SELECT email FROM users WHERE id = :u)", soci::use(user_id);
}

}  // namespace ateliers::store
