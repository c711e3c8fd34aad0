#pragma once
// Pieces shared by the account services (accounts.cpp, accounts_login.cpp,
// accounts_reset.cpp); not for use outside them.
#include <optional>
#include <string>

#include "platform/auth/account_rules.hpp"
#include "platform/auth/accounts.hpp"

namespace ateliers::services::account_detail {

// Issues a one-time link token of the purpose ("confirm" or "reset") and returns it;
// the older unused tokens of that purpose stop working: only the last link sent is valid.
std::string issue_token(soci::session& sql, long long user_id, const std::string& purpose, long long lifetime);

// The user of a valid, unused token of the purpose, without using it.
std::optional<long long> peek_token(soci::session& sql, const std::string& token, const std::string& purpose);

// Uses a valid token and every other token of that purpose for the account: a link,
// once used, leaves no older sibling valid. Returns its user, or nothing.
std::optional<long long> consume_token(soci::session& sql, const std::string& token, const std::string& purpose);

// A new web session for the user; returns the cookie value (only its hash is stored).
std::string open_session(soci::session& sql, long long user_id);

// Counts the recent requests of the action for the e-mail and for the address and, when
// both are under the limit, records this one. Call inside a write transaction: the count
// and the record are one step, so parallel requests cannot all pass.
bool take_request(soci::session& sql, accounts::LimitedAction action, const std::string& email,
                  const std::string& address);

// Serialises writers of `table` until the transaction ends (SQLite: BEGIN IMMEDIATE already does).
void lock_for_counting(soci::session& sql, const char* table);

void queue_confirmation_mail(soci::session& sql, const std::string& email, const std::string& name,
                             const std::string& token, const MailContext& mail, const std::string& next_path,
                             bool again);

Failure with_field(Failure f);

}  // namespace ateliers::services::account_detail
