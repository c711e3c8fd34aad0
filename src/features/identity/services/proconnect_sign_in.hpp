#pragma once
// Signing in with ProConnect (authorization-code flow): start sends the browser to the
// provider, finish takes the code back, checks everything and opens a session, and
// logout_url names the provider's session/end for a session opened that way.
#include <string>

#include "features/identity/domain/proconnect_rules.hpp"
#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::identity {

struct ProConnectStart {
    std::string authorize_url;  // where to send the browser
    std::string state;          // to keep in the browser (cookie) until it comes back
};

// Reads the provider's discovery document, records a new attempt (state, nonce, next page).
Result<ProConnectStart> start_proconnect(store::Database& db, const ProConnectSettings& settings,
                                         const std::string& next_path);

struct ProConnectCallback {
    std::string state;         // as the provider sent it back
    std::string cookie_state;  // as the browser kept it
    std::string code;
    std::string error;  // the provider's "error" parameter (access_denied…)
};

struct ProConnectSignedIn {
    std::string session_token;
    std::string next_path;
    long long user_id = 0;
    bool created = false;
    bool verified_collectivite = false;  // the SIRET's SIREN is a collectivité of the referential
};

// Checks the state, exchanges the code, verifies the ID token and the signed userinfo,
// then in one transaction links or creates the account and opens a session. Nothing is
// written to the accounts unless every check passed.
Result<ProConnectSignedIn> finish_proconnect(store::Database& db, const ProConnectSettings& settings,
                                             const ProConnectCallback& callback);

// The provider's logout URL for a session opened through ProConnect (its ID token is then
// forgotten), empty for other sessions or when the provider cannot be reached.
std::string proconnect_logout_url(store::Database& db, const ProConnectSettings& settings,
                                  const std::string& session_token, const std::string& post_logout_url);

}  // namespace ateliers::identity
