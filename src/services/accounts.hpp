#pragma once
// Account use cases: sign up, confirm, log in and out, reset a password, roles.
// Each is one transaction; e-mails go to the outbox in that same transaction.
#include <optional>
#include <string>
#include <vector>

#include "domain/account_rules.hpp"
#include "services/outbox.hpp"
#include "store/database.hpp"

namespace ateliers::services {

struct CurrentUser {
    long long id = 0;
    std::string email;
    std::string full_name;
    std::string collectivite_id;
    std::string collectivite_label;
    std::string function_title;
    std::string mandate;
    std::vector<std::string> roles;  // "participant" always; "organiser", "admin", "facilitator:<slug>"
    bool has_role(const std::string& role) const;
};

// `next_path`: a local page the confirmation link leads back to after login (e.g. a
// cycle's registration form), empty for none.
Status sign_up(store::Database& db, const accounts::SignUpInput& input, const MailContext& mail,
               const std::string& next_path = {});

// Marks the address confirmed; the token is single-use.
Status confirm_email(store::Database& db, const std::string& token);

struct LoginOutcome {
    std::string session_token;  // the cookie value; only its hash is stored
    long long user_id = 0;
};

Result<LoginOutcome> log_in(store::Database& db, const std::string& email, const std::string& password,
                            const std::string& remote_address);

void log_out(store::Database& db, const std::string& session_token);

std::optional<CurrentUser> user_for_session(store::Database& db, const std::string& session_token);

// Always succeeds from the outside (no account enumeration); mails a link if the account exists.
Status request_password_reset(store::Database& db, const std::string& email, const MailContext& mail);

Status reset_password(store::Database& db, const std::string& token, const std::string& password,
                      const std::string& confirm);

struct ProfileInput {
    std::string full_name;
    std::string collectivite_id;
    std::string mandate;
    std::string function_title;
};
Status update_profile(store::Database& db, long long user_id, const ProfileInput& input);

inline const std::vector<std::string> known_roles{"participant", "facilitator", "organiser", "admin"};

// scope: a cycle slug for "facilitator", empty otherwise.
Status grant_role(store::Database& db, const std::string& email, const std::string& role, const std::string& scope);

}  // namespace ateliers::services
