#pragma once
// Bearer tokens for the JSON API (/api/v1). A token is 32 random bytes in
// base64url, shown once when created; only its BLAKE2b-256 hash is stored
// (table api_tokens), like web sessions. A token acts as its account, with the
// account's roles at the time of each request.
#include <optional>
#include <string>
#include <vector>

#include "platform/auth/accounts.hpp"

namespace ateliers::services {

struct CreatedApiToken {
    std::string token;  // the secret, to hand to the person once; never stored
    long long user_id = 0;
    std::string email;
    std::string label;
};

// For a confirmed account (by e-mail, case-insensitive). Label: free text, up to
// 200 characters, "jeton API" when empty.
Result<CreatedApiToken> create_api_token(store::Database& db, const std::string& email, const std::string& label);

// The account behind a bearer token, built like user_for_session; nothing when
// the token is unknown, empty or malformed.
std::optional<CurrentUser> user_for_api_token(store::Database& db, const std::string& token);

struct ApiTokenInfo {
    std::string token_hash;  // the stored hash, an identifier for revocation
    std::string label;
    std::int64_t created_at = 0;
};

Result<std::vector<ApiTokenInfo>> api_tokens_of(store::Database& db, const std::string& email);

// Revokes one token given as the token itself or as its stored hash; 404 when unknown.
Status revoke_api_token(store::Database& db, const std::string& token_or_hash);

}  // namespace ateliers::services
