#pragma once
// The ProConnect (OpenID Connect) protocol as pure rules: what the provider's discovery
// document must hold, the authorize and logout URLs, the token request, and the checks on
// the ID token's and the userinfo's claims once their signatures are verified. No I/O:
// the services fetch, verify signatures (cjose) and store; these functions decide.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "platform/core/result.hpp"

namespace ateliers::identity {

// From --proconnect-issuer, --proconnect-client-id, --proconnect-client-secret,
// --proconnect-redirect-url (or their ATELIERS_PROCONNECT_* variables).
struct ProConnectSettings {
    std::string issuer;  // e.g. https://auth.agentconnect.gouv.fr/api/v2, no trailing slash
    std::string client_id;
    std::string client_secret;
    std::string redirect_url;  // exactly as registered with ProConnect
    bool configured() const {
        return !issuer.empty() && !client_id.empty() && !client_secret.empty() && !redirect_url.empty();
    }
};

// Every scope ProConnect grants by default (docs/identity.md lists the claims).
inline constexpr const char* proconnect_scopes = "openid email given_name usual_name uid siret idp_id";
// acr asked through the claims parameter: ProConnect refuses acr_values-style extra parameters.
inline constexpr const char* proconnect_claims = R"({"id_token":{"acr":{"essential":true,"values":["eidas1"]}}})";
// ProConnect asks for at least 32 characters of state and nonce.
inline constexpr std::size_t min_state_length = 32;
// Clock difference tolerated between the provider and us on exp and iat.
inline constexpr std::int64_t clock_skew_seconds = 60;

std::string discovery_url(const std::string& issuer);

struct ProviderMetadata {
    std::string issuer;
    std::string authorization_endpoint;
    std::string token_endpoint;
    std::string userinfo_endpoint;
    std::string end_session_endpoint;
    std::string jwks_uri;
};

// The discovery document must name our issuer exactly and every endpoint we use.
Result<ProviderMetadata> read_discovery(const nlohmann::json& document, const std::string& expected_issuer);

std::string authorize_url(const ProviderMetadata& provider, const ProConnectSettings& settings, const std::string& state,
                          const std::string& nonce);

// application/x-www-form-urlencoded body of the code exchange (client_secret_post).
std::string token_request_body(const ProConnectSettings& settings, const std::string& code);

std::string end_session_url(const ProviderMetadata& provider, const std::string& id_token, const std::string& state,
                            const std::string& post_logout_redirect_uri);

// True when both the state sent back and the one kept in the browser's cookie are long
// enough and equal (compared in constant time).
bool state_matches(const std::string& returned, const std::string& expected);

// The only signature algorithms accepted; "none" and anything else are refused, so a
// token cannot choose a weaker check than the provider's keys.
bool is_accepted_algorithm(const std::string& alg);

// The ID token's claims, its signature already verified: iss, aud (and azp when several
// audiences), exp, iat and nonce. Returns the subject.
Result<std::string> check_id_token(const nlohmann::json& claims, const ProviderMetadata& provider,
                                   const ProConnectSettings& settings, const std::string& nonce, std::int64_t now);

// Who ProConnect says signed in: the userinfo's claims.
struct AgentIdentity {
    std::string sub;
    std::string email;  // lower-cased
    std::string given_name;
    std::string usual_name;
    std::string uid;
    std::string siret;
    std::string idp_id;
    std::string full_name() const;
};

// The userinfo's claims, its signature verified: iss and aud when present must be ours,
// sub must be the ID token's, and every claim of the scopes must be there.
Result<AgentIdentity> read_userinfo(const nlohmann::json& claims, const ProviderMetadata& provider,
                                    const ProConnectSettings& settings, const std::string& id_token_sub);

// A SIRET is 14 digits; its first 9 are the employer's SIREN. nullopt when malformed.
std::optional<std::string> siren_of_siret(const std::string& siret);

}  // namespace ateliers::identity
