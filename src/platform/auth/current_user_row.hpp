#pragma once
// The signed-in person as one row: account, collectivité and roles in a single
// statement. Web sessions and API tokens both resolve to it (each request of a
// signed-in person goes through here, so one prepared statement rather than three).
// For the account services only (accounts_login.cpp, api_tokens.cpp).
#include <soci/soci.h>

#include <string>

#include "platform/auth/accounts.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services::account_detail {

// `SELECT <columns> FROM …`: the caller joins `users u` and `LEFT JOIN collectivites c
// ON c.id = u.collectivite_id` in its FROM clause.
std::string current_user_columns(store::Dialect dialect);

CurrentUser current_user_from_row(const soci::row& r);

}  // namespace ateliers::services::account_detail
