#pragma once
// Account use cases: sign up, confirm, log in and out, reset a password, roles.
// Each is one transaction; e-mails go to the outbox in that same transaction.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "platform/auth/account_rules.hpp"
#include "platform/mail/outbox.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct CurrentUser {
    long long id = 0;
    std::string email;
    std::string full_name;
    std::string collectivite_id;
    std::string collectivite_label;
    std::string function_title;
    std::string mandate;
    std::vector<std::string> roles;  // "participant" always; "organiser", "admin", "facilitator:<cycle id>"
    bool has_role(const std::string& role) const;
};

// `next_path`: a local page the confirmation link leads back to after login (e.g. a
// cycle's registration form), empty for none. Cheap checks (form, collectivité, address
// free, rate limit per address and per e-mail) come before the slow password hash.
Status sign_up(store::Database& db, const accounts::SignUpInput& input, const MailContext& mail,
               const std::string& next_path = {}, const std::string& remote_address = {});

struct LoginOutcome {
    std::string session_token;  // the cookie value; only its hash is stored
    long long user_id = 0;
};

// Marks the address confirmed and logs the person in (the link proves the mailbox);
// the token is single-use. 410 when it is unknown, used or expired.
Result<LoginOutcome> confirm_email(store::Database& db, const std::string& token);

// A new confirmation link for an account not yet confirmed (older links stop working).
// Same answer whether or not the account exists; 429 past the limit.
Status resend_confirmation(store::Database& db, const std::string& email, const MailContext& mail,
                           const std::string& remote_address, const std::string& next_path = {});

Result<LoginOutcome> log_in(store::Database& db, const std::string& email, const std::string& password,
                            const std::string& remote_address);

void log_out(store::Database& db, const std::string& session_token);

std::optional<CurrentUser> user_for_session(store::Database& db, const std::string& session_token);

// Which of these session token hashes (crypto::token_hash of the cookie) are still open.
std::set<std::string> open_sessions(store::Database& db, const std::vector<std::string>& token_hashes);

// Always succeeds from the outside (no account enumeration) unless rate-limited (429,
// per e-mail and per address, counted for unknown addresses too); mails a link if the
// account exists. The new link makes the older ones worthless.
Status request_password_reset(store::Database& db, const std::string& email, const MailContext& mail,
                              const std::string& remote_address = {});

// Checks the link before hashing; on success the older links die, other sessions end and
// the login lock of the address is lifted (the mailbox is proven).
Status reset_password(store::Database& db, const std::string& token, const std::string& password,
                      const std::string& confirm);

struct ProfileInput {
    std::string full_name;
    std::string collectivite_id;
    std::string mandate;
    std::string function_title;
};
Status update_profile(store::Database& db, long long user_id, const ProfileInput& input);

// A sign-in vouched for by an identity provider (ProConnect), inside the caller's
// transaction so that the provider's own records and the account are written together.
// The account of this address is used; if it was never confirmed, it is confirmed and its
// pending password dropped (the provider proved the mailbox, the pending sign-up did not).
// Otherwise a confirmed account without password is created, in `collectivite_id` when
// the provider's data name one (empty: none). Opens a session.
struct VouchedSignIn {
    long long user_id = 0;
    bool created = false;
    std::string session_token;  // the cookie value
};
VouchedSignIn sign_in_vouched(soci::session& sql, const std::string& email, const std::string& full_name,
                              const std::string& collectivite_id);

// scope: the cycle's slug for "facilitator" (the role keeps the cycle's id), empty otherwise.
Status grant_role(store::Database& db, const std::string& email, const std::string& role, const std::string& scope);

}  // namespace ateliers::services
