#pragma once
// What makes a sign-up, a password and a login attempt acceptable. Pure rules.
#include <map>
#include <string>

namespace ateliers::accounts {

inline constexpr std::size_t min_password_chars = 12;
inline constexpr std::size_t max_password_bytes = 256;  // bounds argon2id work per request
inline constexpr long long session_lifetime_seconds = 30LL * 24 * 3600;
inline constexpr long long confirm_token_lifetime_seconds = 7LL * 24 * 3600;
inline constexpr long long reset_token_lifetime_seconds = 2LL * 3600;

// Failed logins tolerated within the window before answering 429.
inline constexpr long long login_window_seconds = 15 * 60;
inline constexpr long long max_failures_per_email = 5;
inline constexpr long long max_failures_per_address = 30;

enum class Mandate { elu, agent };
bool parse_mandate(const std::string& s, Mandate& out);
const char* mandate_code(Mandate m);
const char* mandate_label(Mandate m);

struct SignUpInput {
    std::string full_name;
    std::string email;
    std::string password;
    std::string password_confirm;
    std::string collectivite_id;
    std::string mandate;
    std::string function_title;
};

// Field name -> French message, empty when the input is acceptable as typed.
// Whether the collectivité exists and the e-mail is free is the store's to say.
std::map<std::string, std::string> validate_sign_up(const SignUpInput& in);

// Message for the "password" field, or empty.
std::string password_problem(const std::string& password, const std::string& confirm, const std::string& email);

std::string normalise_email(const std::string& email);

bool login_allowed(long long recent_failures_for_email, long long recent_failures_for_address);

// Requests that send an e-mail or hash a password, limited per e-mail and per client
// address within a window: a flood must neither fill mailboxes nor eat the CPU.
enum class LimitedAction { password_reset, sign_up, confirmation_resend };

struct RequestLimit {
    long long window_seconds = 3600;
    long long per_email = 0;
    long long per_address = 0;
};

RequestLimit limit_for(LimitedAction action);
const char* action_code(LimitedAction action);  // stored in account_limits.action
bool request_allowed(const RequestLimit& limit, long long recent_for_email, long long recent_for_address);
std::string limit_message(LimitedAction action);  // French, for the 429 answer

}  // namespace ateliers::accounts
