#include "features/identity/services/proconnect_sign_in.hpp"

#include <spdlog/spdlog.h>

#include "features/identity/services/jose_verify.hpp"
#include "features/identity/services/provider_http.hpp"
#include "features/identity/store/proconnect_store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/auth/crypto.hpp"
#include "platform/core/text.hpp"

namespace ateliers::identity {

namespace {

using nlohmann::json;

// An attempt left unfinished this long is dropped (ProConnect's own codes live 30 s).
constexpr std::int64_t attempt_lifetime_seconds = 600;

Failure unreadable(const std::string& what) {
    spdlog::warn("proconnect: unreadable {}", what);
    return fail("ProConnect a répondu de façon inattendue. Réessayez dans quelques minutes, ou connectez-vous avec "
                "votre adresse e-mail et votre mot de passe.",
                {}, FailureKind::unavailable);
}

Failure expired_attempt() {
    return fail("Cette tentative de connexion avec ProConnect n'est plus valable (expirée, déjà utilisée ou ouverte "
                "dans un autre navigateur). Recommencez la connexion.",
                {}, FailureKind::gone);
}

Result<json> json_answer(const Result<ProviderAnswer>& answer, const std::string& what) {
    if (!answer) return answer.failure();
    if (answer->status != 200) {
        spdlog::warn("proconnect: {} answered {}: {}", what, answer->status, answer->body.substr(0, 300));
        return unreadable(what);
    }
    auto doc = json::parse(answer->body, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return unreadable(what);
    return doc;
}

Result<ProviderMetadata> discover(const ProConnectSettings& settings) {
    auto doc = json_answer(provider_get(discovery_url(settings.issuer)), "discovery document");
    if (!doc) return doc.failure();
    return read_discovery(doc.value(), settings.issuer);
}

}  // namespace

Result<ProConnectStart> start_proconnect(store::Database& db, const ProConnectSettings& settings,
                                         const std::string& next_path) {
    auto provider = discover(settings);
    if (!provider) return provider.failure();
    ProConnectStart out;
    out.state = crypto::random_token();
    const auto nonce = crypto::random_token();
    const auto state_hash = crypto::token_hash(out.state);
    auto saved = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto now = store::now_utc_seconds();
        store::save_proconnect_attempt(sql, state_hash, nonce, next_path, now, now - attempt_lifetime_seconds);
        return Done{};
    });
    if (!saved) return saved.failure();
    out.authorize_url = authorize_url(provider.value(), settings, out.state, nonce);
    return out;
}

Result<ProConnectSignedIn> finish_proconnect(store::Database& db, const ProConnectSettings& settings,
                                             const ProConnectCallback& callback) {
    if (!state_matches(callback.state, callback.cookie_state)) return expired_attempt();
    // The attempt is used up first, whatever follows: a state (and its code) works once.
    const auto state_hash = crypto::token_hash(callback.state);
    auto attempt = store::in_transaction<store::ProConnectAttemptRow>(
        db, [&](soci::session& sql) -> Result<store::ProConnectAttemptRow> {
            auto row = store::take_proconnect_attempt(sql, state_hash,
                                                      store::now_utc_seconds() - attempt_lifetime_seconds);
            if (!row) return expired_attempt();
            return *row;
        });
    if (!attempt) return attempt.failure();
    if (!callback.error.empty() || callback.code.empty())
        return fail("La connexion avec ProConnect a été interrompue ou refusée. Vous pouvez recommencer, ou vous "
                    "connecter avec votre adresse e-mail et votre mot de passe.",
                    {}, FailureKind::unauthenticated);

    auto provider = discover(settings);
    if (!provider) return provider.failure();
    const auto token_answer = provider_post_form(provider->token_endpoint, token_request_body(settings, callback.code));
    if (token_answer && token_answer->status >= 400 && token_answer->status < 500) {
        // invalid_grant: the code was used already, has expired, or is not ours.
        spdlog::warn("proconnect: token endpoint refused the code: {}", token_answer->body.substr(0, 300));
        return fail("ProConnect n'a pas accepté cette connexion (lien de retour déjà utilisé ou expiré). "
                    "Recommencez la connexion.",
                    {}, FailureKind::unauthenticated);
    }
    auto tokens = json_answer(token_answer, "token answer");
    if (!tokens) return tokens.failure();
    const auto id_token = tokens->value("id_token", "");
    const auto access_token = tokens->value("access_token", "");
    if (id_token.empty() || access_token.empty()) return unreadable("token answer (no id_token or access_token)");

    auto jwks = json_answer(provider_get(provider->jwks_uri), "key set");
    if (!jwks) return jwks.failure();
    auto id_claims = verified_jwt_claims(id_token, jwks.value(), settings.client_secret);
    if (!id_claims) return id_claims.failure();
    auto sub = check_id_token(id_claims.value(), provider.value(), settings, attempt->nonce, store::now_utc_seconds());
    if (!sub) return sub.failure();

    auto userinfo = provider_get(provider->userinfo_endpoint, access_token);
    if (!userinfo) return userinfo.failure();
    // ProConnect signs the userinfo; a plain JSON answer is not accepted.
    if (userinfo->status != 200 || userinfo->content_type != "application/jwt")
        return unreadable("userinfo (status " + std::to_string(userinfo->status) + ", " + userinfo->content_type + ")");
    auto info_claims = verified_jwt_claims(text::trim(userinfo->body), jwks.value(), settings.client_secret);
    if (!info_claims) return info_claims.failure();
    auto agent = read_userinfo(info_claims.value(), provider.value(), settings, sub.value());
    if (!agent) return agent.failure();

    return store::in_transaction<ProConnectSignedIn>(db, [&](soci::session& sql) -> Result<ProConnectSignedIn> {
        std::string collectivite_id;
        if (const auto siren = siren_of_siret(agent->siret))
            collectivite_id = store::collectivite_of_siren(sql, *siren).value_or("");
        const auto vouched = services::sign_in_vouched(sql, agent->email, agent->full_name(), collectivite_id);
        store::ProConnectIdentityRow identity{vouched.user_id, agent->sub,   agent->idp_id,
                                              agent->uid,      agent->siret, collectivite_id};
        store::save_proconnect_identity(sql, identity, store::now_utc_seconds());
        store::save_proconnect_session(sql, crypto::token_hash(vouched.session_token), id_token);
        if (vouched.created)
            services::record_audit(sql, vouched.user_id, "account.proconnect_create", "user:" + std::to_string(vouched.user_id),
                                   "Compte créé à la première connexion ProConnect");
        ProConnectSignedIn out;
        out.session_token = vouched.session_token;
        out.next_path = attempt->next_path;
        out.user_id = vouched.user_id;
        out.created = vouched.created;
        out.verified_collectivite = !identity.collectivite_id.empty();
        return out;
    });
}

std::string proconnect_logout_url(store::Database& db, const ProConnectSettings& settings,
                                  const std::string& session_token, const std::string& post_logout_url) {
    if (session_token.empty()) return {};
    const auto session_hash = crypto::token_hash(session_token);
    auto id_token = store::in_transaction<std::string>(db, [&](soci::session& sql) -> Result<std::string> {
        return store::take_proconnect_session(sql, session_hash).value_or("");
    });
    if (!id_token || id_token->empty()) return {};
    // Without the provider, the local session still ends: logging out must never fail.
    auto provider = discover(settings);
    if (!provider || provider->end_session_endpoint.empty()) return {};
    return end_session_url(provider.value(), id_token.value(), crypto::random_token(), post_logout_url);
}

}  // namespace ateliers::identity
