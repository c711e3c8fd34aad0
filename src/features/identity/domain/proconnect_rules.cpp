#include "features/identity/domain/proconnect_rules.hpp"

#include "platform/core/text.hpp"

namespace ateliers::identity {

namespace {

using nlohmann::json;

std::string text_claim(const json& claims, const char* name) {
    const auto it = claims.find(name);
    return it != claims.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

std::optional<std::int64_t> time_claim(const json& claims, const char* name) {
    const auto it = claims.find(name);
    if (it == claims.end() || !it->is_number()) return std::nullopt;
    return static_cast<std::int64_t>(it->get<double>());
}

// The connection failed in a way the person cannot fix; the details go to the log.
Failure refused(std::string why) {
    return fail("La connexion avec ProConnect n'a pas pu être vérifiée (" + std::move(why) +
                    "). Réessayez ; si cela se reproduit, connectez-vous avec votre adresse e-mail et votre mot de passe.",
                {}, FailureKind::unauthenticated);
}

bool audience_has(const json& aud, const std::string& client_id) {
    if (aud.is_string()) return aud.get<std::string>() == client_id;
    if (!aud.is_array()) return false;
    for (const auto& a : aud)
        if (a.is_string() && a.get<std::string>() == client_id) return true;
    return false;
}

bool is_accepted_acr(const std::string& acr) {
    // eidas1 was asked for; a stronger level (eidas2, eidas3, their -mfa forms) or
    // ProConnect's own assurance URLs satisfy it, eidas0 does not.
    if (acr.rfind("https://proconnect.gouv.fr/assurance/", 0) == 0) return true;
    return acr == "eidas1" || acr == "eidas1-mfa" || acr == "eidas2" || acr == "eidas2-mfa" || acr == "eidas3" ||
           acr == "eidas3-mfa";
}

}  // namespace

std::string discovery_url(const std::string& issuer) {
    auto base = issuer;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base + "/.well-known/openid-configuration";
}

Result<ProviderMetadata> read_discovery(const json& document, const std::string& expected_issuer) {
    if (!document.is_object()) return refused("document de découverte illisible");
    ProviderMetadata p{text_claim(document, "issuer"),         text_claim(document, "authorization_endpoint"),
                       text_claim(document, "token_endpoint"), text_claim(document, "userinfo_endpoint"),
                       text_claim(document, "end_session_endpoint"), text_claim(document, "jwks_uri")};
    if (p.issuer != expected_issuer) return refused("émetteur inattendu dans le document de découverte");
    if (p.authorization_endpoint.empty() || p.token_endpoint.empty() || p.userinfo_endpoint.empty() ||
        p.jwks_uri.empty())
        return refused("document de découverte incomplet");
    return p;
}

std::string authorize_url(const ProviderMetadata& provider, const ProConnectSettings& settings, const std::string& state,
                          const std::string& nonce) {
    using text::url_encode;
    const char separator = provider.authorization_endpoint.find('?') == std::string::npos ? '?' : '&';
    return provider.authorization_endpoint + separator + "response_type=code&client_id=" + url_encode(settings.client_id) +
           "&redirect_uri=" + url_encode(settings.redirect_url) + "&scope=" + url_encode(proconnect_scopes) +
           "&state=" + url_encode(state) + "&nonce=" + url_encode(nonce) + "&claims=" + url_encode(proconnect_claims);
}

std::string token_request_body(const ProConnectSettings& settings, const std::string& code) {
    using text::url_encode;
    return "grant_type=authorization_code&code=" + url_encode(code) + "&redirect_uri=" +
           url_encode(settings.redirect_url) + "&client_id=" + url_encode(settings.client_id) +
           "&client_secret=" + url_encode(settings.client_secret);
}

std::string end_session_url(const ProviderMetadata& provider, const std::string& id_token, const std::string& state,
                            const std::string& post_logout_redirect_uri) {
    using text::url_encode;
    const char separator = provider.end_session_endpoint.find('?') == std::string::npos ? '?' : '&';
    return provider.end_session_endpoint + separator + "id_token_hint=" + url_encode(id_token) + "&state=" +
           url_encode(state) + "&post_logout_redirect_uri=" + url_encode(post_logout_redirect_uri);
}

bool state_matches(const std::string& returned, const std::string& expected) {
    if (returned.size() < min_state_length || returned.size() != expected.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < returned.size(); ++i)
        diff |= static_cast<unsigned char>(returned[i] ^ expected[i]);
    return diff == 0;
}

bool is_accepted_algorithm(const std::string& alg) { return alg == "RS256" || alg == "ES256" || alg == "HS256"; }

Result<std::string> check_id_token(const json& claims, const ProviderMetadata& provider,
                                   const ProConnectSettings& settings, const std::string& nonce, std::int64_t now) {
    if (!claims.is_object()) return refused("jeton d'identité illisible");
    if (text_claim(claims, "iss") != provider.issuer) return refused("émetteur du jeton inattendu");
    const auto aud = claims.find("aud");
    if (aud == claims.end() || !audience_has(*aud, settings.client_id)) return refused("jeton destiné à un autre service");
    if (aud->is_array() && aud->size() > 1 && text_claim(claims, "azp") != settings.client_id)
        return refused("jeton destiné à un autre service");
    const auto exp = time_claim(claims, "exp");
    if (!exp || *exp + clock_skew_seconds <= now) return refused("jeton expiré");
    const auto iat = time_claim(claims, "iat");
    if (!iat || *iat - clock_skew_seconds > now) return refused("jeton émis dans le futur");
    if (nonce.size() < min_state_length || text_claim(claims, "nonce") != nonce) return refused("jeton rejoué ou falsifié");
    const auto sub = text_claim(claims, "sub");
    if (sub.empty()) return refused("identifiant de l'agent absent");
    if (!is_accepted_acr(text_claim(claims, "acr"))) return refused("niveau de garantie eidas1 non atteint");
    return sub;
}

std::string AgentIdentity::full_name() const {
    if (given_name.empty()) return usual_name;
    if (usual_name.empty()) return given_name;
    return given_name + " " + usual_name;
}

Result<AgentIdentity> read_userinfo(const json& claims, const ProviderMetadata& provider,
                                    const ProConnectSettings& settings, const std::string& id_token_sub) {
    if (!claims.is_object()) return refused("informations sur l'agent illisibles");
    if (claims.contains("iss") && text_claim(claims, "iss") != provider.issuer) return refused("émetteur inattendu");
    if (claims.contains("aud") && !audience_has(claims["aud"], settings.client_id))
        return refused("informations destinées à un autre service");
    AgentIdentity who{text_claim(claims, "sub"),        text::lower_ascii(text::trim(text_claim(claims, "email"))),
                      text::trim(text_claim(claims, "given_name")), text::trim(text_claim(claims, "usual_name")),
                      text_claim(claims, "uid"),        text_claim(claims, "siret"),
                      text_claim(claims, "idp_id")};
    if (who.sub != id_token_sub) return refused("l'agent décrit n'est pas celui qui s'est connecté");
    const std::pair<const char*, const std::string*> required[] = {
        {"email", &who.email},   {"given_name", &who.given_name}, {"usual_name", &who.usual_name},
        {"uid", &who.uid},       {"siret", &who.siret},           {"idp_id", &who.idp_id}};
    for (const auto& [name, value] : required)
        if (value->empty()) return refused(std::string("information « ") + name + " » absente");
    if (!text::is_plausible_email(who.email)) return refused("adresse e-mail invalide");
    return who;
}

std::optional<std::string> siren_of_siret(const std::string& siret) {
    if (siret.size() != 14) return std::nullopt;
    for (char c : siret)
        if (c < '0' || c > '9') return std::nullopt;
    return siret.substr(0, 9);
}

}  // namespace ateliers::identity
