#pragma once
// Signed JWTs (the ID token, the userinfo) checked with cjose, Debian's libcjose: the
// signature against the provider's published keys (RS256, ES256) or the client secret
// (HS256). Only the signature: the claims are the domain's business (proconnect_rules).
#include <nlohmann/json.hpp>

#include <string>

#include "platform/core/result.hpp"

namespace ateliers::identity {

// The claims of `compact` (header.payload.signature) when a key of `jwks` (the provider's
// JSON Web Key Set document) or the client secret verifies its signature; a failure
// otherwise (unknown key, refused algorithm, bad signature, unreadable token).
Result<nlohmann::json> verified_jwt_claims(const std::string& compact, const nlohmann::json& jwks,
                                           const std::string& client_secret);

}  // namespace ateliers::identity
