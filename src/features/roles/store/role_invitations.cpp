#include "features/roles/store/role_invitations.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

long long insert_role_invitation(soci::session& sql, const RoleInvitationRow& row, const std::string& token_hash) {
    soci::indicator cycle = row.cycle_id ? soci::i_ok : soci::i_null;
    soci::indicator programme = row.programme_id ? soci::i_ok : soci::i_null;
    soci::indicator territory = row.territory_id ? soci::i_ok : soci::i_null;
    soci::indicator by = row.invited_by ? soci::i_ok : soci::i_null;
    long long id = 0;
    sql << "INSERT INTO role_invitations (token_hash, email, role, cycle_id, programme_id, territory_id, invited_by, "
           "created_at, expires_at) VALUES (:h, :e, :r, :c, :p, :t, :b, :at, :x) RETURNING id",
        soci::use(token_hash), soci::use(row.email), soci::use(row.role), soci::use(row.cycle_id, cycle),
        soci::use(row.programme_id, programme), soci::use(row.territory_id, territory),
        soci::use(row.invited_by, by), soci::use(row.created_at), soci::use(row.expires_at), soci::into(id);
    return id;
}

std::optional<RoleInvitationRow> find_role_invitation(soci::session& sql, const std::string& token_hash) {
    soci::row r;
    sql << "SELECT id, email, role, cycle_id, programme_id, territory_id, invited_by, created_at, expires_at, used_at "
           "FROM role_invitations WHERE token_hash = :h",
        soci::use(token_hash), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    RoleInvitationRow out;
    out.id = as_int(r, "id");
    out.email = as_text(r, "email");
    out.role = as_text(r, "role");
    out.cycle_id = as_optional_int(r, "cycle_id").value_or(0);
    out.programme_id = as_optional_int(r, "programme_id").value_or(0);
    out.territory_id = as_optional_int(r, "territory_id").value_or(0);
    out.invited_by = as_optional_int(r, "invited_by").value_or(0);
    out.created_at = as_int(r, "created_at");
    out.expires_at = as_int(r, "expires_at");
    out.used_at = as_optional_int(r, "used_at");
    return out;
}

bool use_role_invitation(soci::session& sql, long long id, long long now) {
    soci::statement st =
        (sql.prepare << "UPDATE role_invitations SET used_at = :t WHERE id = :i AND used_at IS NULL", soci::use(now),
         soci::use(id));
    st.execute(true);
    return st.get_affected_rows() > 0;
}

}  // namespace ateliers::store
