#include "platform/auth/current_user_row.hpp"

#include <algorithm>

#include "platform/referential/collectivites.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::services::account_detail {

using store::as_int;
using store::as_text;

std::string current_user_columns(store::Dialect dialect) {
    // Roles travel as one text joined by the unit separator, which no role or scope holds.
    const std::string roles =
        dialect == store::Dialect::postgresql
            ? "(SELECT string_agg(CASE WHEN scope = '' THEN role ELSE role || ':' || scope END, chr(31)) "
              "FROM user_roles WHERE user_id = u.id)"
            : "(SELECT group_concat(CASE WHEN scope = '' THEN role ELSE role || ':' || scope END, char(31)) "
              "FROM user_roles WHERE user_id = u.id)";
    return "u.id AS user_id, u.email AS email, u.full_name AS full_name, "
           "COALESCE(u.collectivite_id, '') AS collectivite_id, u.function_title AS function_title, "
           "u.mandate AS mandate, COALESCE(c.kind, '') AS collectivite_kind, "
           "COALESCE(c.name, '') AS collectivite_name, COALESCE(c.epci_type, '') AS collectivite_epci_type, "
           "COALESCE(c.departement_code, '') AS collectivite_departement, " +
           roles + " AS roles";
}

CurrentUser current_user_from_row(const soci::row& r) {
    CurrentUser u;
    u.id = as_int(r, "user_id");
    u.email = as_text(r, "email");
    u.full_name = as_text(r, "full_name");
    u.collectivite_id = as_text(r, "collectivite_id");
    u.function_title = as_text(r, "function_title");
    u.mandate = as_text(r, "mandate");
    if (const auto name = as_text(r, "collectivite_name"); !name.empty()) {
        store::CollectiviteRow c;
        c.id = u.collectivite_id;
        c.kind = as_text(r, "collectivite_kind");
        c.name = name;
        c.epci_type = as_text(r, "collectivite_epci_type");
        c.departement_code = as_text(r, "collectivite_departement");
        u.collectivite_label = store::collectivite_label(c);
    }
    const auto roles = as_text(r, "roles");
    for (std::size_t start = 0; start < roles.size();) {
        auto end = roles.find('\x1f', start);
        if (end == std::string::npos) end = roles.size();
        if (end > start) u.roles.push_back(roles.substr(start, end - start));
        start = end + 1;
    }
    std::sort(u.roles.begin(), u.roles.end());  // by role, then scope, whatever order the aggregate took
    return u;
}

}  // namespace ateliers::services::account_detail
