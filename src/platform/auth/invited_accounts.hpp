#pragma once
// Accounts opened from an organiser's invitation link (the roles module's /invitation/…).
#include <optional>
#include <string>

#include "platform/auth/accounts.hpp"

namespace ateliers::services {

// The link proves the mailbox, so the account is confirmed at once. Runs inside the
// caller's transaction so that the invitation is used and the role given with it.
// `password_hash`: crypto::hash_password, computed before the transaction. Opens a
// session. Nothing when the address already has an account.
std::optional<VouchedSignIn> open_invited_account(soci::session& sql, const std::string& email,
                                                  const std::string& full_name, const std::string& password_hash);

}  // namespace ateliers::services
