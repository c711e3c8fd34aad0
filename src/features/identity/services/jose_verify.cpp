#include "features/identity/services/jose_verify.hpp"

#include <cjose/cjose.h>
#include <spdlog/spdlog.h>

#include <memory>

#include "features/identity/domain/proconnect_rules.hpp"

namespace ateliers::identity {

namespace {

struct JwsRelease {
    void operator()(cjose_jws_t* jws) const { cjose_jws_release(jws); }
};
struct JwkRelease {
    void operator()(cjose_jwk_t* jwk) const { cjose_jwk_release(jwk); }
};
using JwsHandle = std::unique_ptr<cjose_jws_t, JwsRelease>;
using JwkHandle = std::unique_ptr<cjose_jwk_t, JwkRelease>;

Failure not_verified(const std::string& why) {
    spdlog::warn("proconnect: signed token refused: {}", why);
    return fail("La connexion avec ProConnect n'a pas pu être vérifiée (signature non valable). Réessayez ; si cela "
                "se reproduit, connectez-vous avec votre adresse e-mail et votre mot de passe.",
                {}, FailureKind::unauthenticated);
}

std::string header_value(cjose_header_t* header, const char* name) {
    cjose_err err;
    const char* v = cjose_header_get(header, name, &err);
    return v ? std::string(v) : std::string{};
}

// The key type an algorithm needs; a key of another type is never tried.
const char* key_type_for(const std::string& alg) {
    if (alg == "RS256") return "RSA";
    if (alg == "ES256") return "EC";
    return "oct";
}

bool verifies(cjose_jws_t* jws, const cjose_jwk_t* key) {
    cjose_err err;
    return cjose_jws_verify(jws, key, &err);
}

}  // namespace

Result<nlohmann::json> verified_jwt_claims(const std::string& compact, const nlohmann::json& jwks,
                                           const std::string& client_secret) {
    cjose_err err;
    JwsHandle jws(cjose_jws_import(compact.data(), compact.size(), &err));
    if (!jws) return not_verified(std::string("not a compact JWS: ") + (err.message ? err.message : ""));
    cjose_header_t* header = cjose_jws_get_protected(jws.get());
    const auto alg = header ? header_value(header, CJOSE_HDR_ALG) : std::string{};
    if (!is_accepted_algorithm(alg)) return not_verified("algorithm " + alg);
    const auto kid = header ? header_value(header, CJOSE_HDR_KID) : std::string{};
    bool good = false;
    if (alg == "HS256") {
        JwkHandle key(cjose_jwk_create_oct_spec(reinterpret_cast<const uint8_t*>(client_secret.data()),
                                                client_secret.size(), &err));
        good = key && verifies(jws.get(), key.get());
    } else if (jwks.is_object() && jwks.contains("keys") && jwks["keys"].is_array()) {
        for (const auto& jwk : jwks["keys"]) {
            if (!jwk.is_object() || jwk.value("kty", "") != key_type_for(alg)) continue;
            if (!kid.empty() && jwk.value("kid", "") != kid) continue;
            if (jwk.contains("use") && jwk.value("use", "") != "sig") continue;
            const auto text = jwk.dump();
            JwkHandle key(cjose_jwk_import(text.data(), text.size(), &err));
            if (key && verifies(jws.get(), key.get())) {
                good = true;
                break;
            }
        }
    }
    if (!good) return not_verified("no key verifies the signature (alg " + alg + ", kid " + kid + ")");
    uint8_t* plain = nullptr;
    std::size_t plain_len = 0;
    if (!cjose_jws_get_plaintext(jws.get(), &plain, &plain_len, &err)) return not_verified("no payload");
    auto claims = nlohmann::json::parse(std::string(reinterpret_cast<const char*>(plain), plain_len), nullptr, false);
    if (claims.is_discarded() || !claims.is_object()) return not_verified("payload is not a JSON object");
    return claims;
}

}  // namespace ateliers::identity
