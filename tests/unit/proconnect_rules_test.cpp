// ProConnect's protocol rules: URLs built, claims of the ID token and the userinfo checked.
#include <gtest/gtest.h>

#include <functional>

#include "features/identity/domain/proconnect_rules.hpp"

namespace id = ateliers::identity;
using nlohmann::json;

namespace {

const id::ProConnectSettings settings{"https://pc.example/api/v2", "client-ateliers", "s3cret",
                                      "https://ateliers.example/compte/proconnect/retour"};
const id::ProviderMetadata provider{"https://pc.example/api/v2",          "https://pc.example/api/v2/authorize",
                                    "https://pc.example/api/v2/token",    "https://pc.example/api/v2/userinfo",
                                    "https://pc.example/api/v2/session/end", "https://pc.example/api/v2/jwks"};
const std::string nonce(43, 'n');
const std::int64_t now = 1'800'000'000;

json good_id_token() {
    return {{"iss", provider.issuer}, {"aud", settings.client_id}, {"sub", "agent-1"}, {"nonce", nonce},
            {"exp", now + 60},        {"iat", now - 5},             {"acr", "eidas1"}};
}

json good_userinfo() {
    return {{"sub", "agent-1"},           {"email", " Agent@Mairie.FR "}, {"given_name", "Camille"},
            {"usual_name", "Martin"},     {"uid", "42"},                 {"siret", "21420218600018"},
            {"idp_id", "fia1"},           {"iss", provider.issuer},      {"aud", settings.client_id}};
}

std::string query_value(const std::string& url, const std::string& name) {
    auto at = url.find("?" + name + "=");
    if (at == std::string::npos) at = url.find("&" + name + "=");
    if (at == std::string::npos) return "<absent>";
    const auto start = at + name.size() + 2;
    return url.substr(start, url.find('&', start) - start);
}

}  // namespace

TEST(ProConnectRules, DiscoveryNeedsOurIssuerAndEveryEndpoint) {
    json doc{{"issuer", provider.issuer},
             {"authorization_endpoint", provider.authorization_endpoint},
             {"token_endpoint", provider.token_endpoint},
             {"userinfo_endpoint", provider.userinfo_endpoint},
             {"end_session_endpoint", provider.end_session_endpoint},
             {"jwks_uri", provider.jwks_uri}};
    auto read = id::read_discovery(doc, settings.issuer);
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read->token_endpoint, provider.token_endpoint);
    EXPECT_FALSE(id::read_discovery(doc, "https://other.example").ok());
    auto partial = doc;
    partial.erase("jwks_uri");
    EXPECT_FALSE(id::read_discovery(partial, settings.issuer).ok());
    EXPECT_FALSE(id::read_discovery(json::array(), settings.issuer).ok());
    EXPECT_EQ(id::discovery_url("https://pc.example/api/v2/"), "https://pc.example/api/v2/.well-known/openid-configuration");
}

TEST(ProConnectRules, AuthorizeUrlHasExactlyTheListedParameters) {
    const std::string state(43, 's');
    const auto url = id::authorize_url(provider, settings, state, nonce);
    EXPECT_EQ(url.rfind(provider.authorization_endpoint + "?", 0), 0u);
    EXPECT_EQ(query_value(url, "response_type"), "code");
    EXPECT_EQ(query_value(url, "client_id"), "client-ateliers");
    EXPECT_EQ(query_value(url, "redirect_uri"), "https%3A%2F%2Fateliers.example%2Fcompte%2Fproconnect%2Fretour");
    EXPECT_EQ(query_value(url, "scope"), "openid%20email%20given_name%20usual_name%20uid%20siret%20idp_id");
    EXPECT_EQ(query_value(url, "state"), state);
    EXPECT_EQ(query_value(url, "nonce"), nonce);
    EXPECT_NE(query_value(url, "claims").find("eidas1"), std::string::npos);
    // ProConnect answers "Y000400 Bad Request" to any other parameter.
    std::size_t count = 0;
    for (char c : url) count += c == '&';
    EXPECT_EQ(count, 6u);
    EXPECT_EQ(query_value(url, "acr_values"), "<absent>");
}

TEST(ProConnectRules, TokenBodyAndLogoutUrl) {
    const auto body = id::token_request_body(settings, "a/b");
    EXPECT_NE(body.find("grant_type=authorization_code"), std::string::npos);
    EXPECT_NE(body.find("code=a%2Fb"), std::string::npos);
    EXPECT_NE(body.find("client_secret=s3cret"), std::string::npos);
    const auto out = id::end_session_url(provider, "hdr.payload.sig", std::string(43, 'x'), "https://ateliers.example/");
    EXPECT_EQ(out.rfind(provider.end_session_endpoint + "?id_token_hint=hdr.payload.sig&state=", 0), 0u);
    EXPECT_NE(out.find("post_logout_redirect_uri=https%3A%2F%2Fateliers.example%2F"), std::string::npos);
}

TEST(ProConnectRules, StateMustBeLongAndEqual) {
    const std::string s(43, 'a');
    EXPECT_TRUE(id::state_matches(s, s));
    EXPECT_FALSE(id::state_matches(s, std::string(43, 'b')));
    EXPECT_FALSE(id::state_matches(s, ""));
    EXPECT_FALSE(id::state_matches("short", "short"));
    EXPECT_FALSE(id::state_matches(s, s + "a"));
}

TEST(ProConnectRules, OnlyKnownSignatureAlgorithms) {
    EXPECT_TRUE(id::is_accepted_algorithm("RS256"));
    EXPECT_TRUE(id::is_accepted_algorithm("ES256"));
    EXPECT_TRUE(id::is_accepted_algorithm("HS256"));
    EXPECT_FALSE(id::is_accepted_algorithm("none"));
    EXPECT_FALSE(id::is_accepted_algorithm(""));
    EXPECT_FALSE(id::is_accepted_algorithm("RS512"));
}

TEST(ProConnectRules, IdTokenClaimsTable) {
    struct Case {
        const char* what;
        std::function<void(json&)> change;
        bool accepted;
    } cases[] = {
        {"as issued", [](json&) {}, true},
        {"other issuer", [](json& c) { c["iss"] = "https://evil.example"; }, false},
        {"other audience", [](json& c) { c["aud"] = "someone-else"; }, false},
        {"audience list with us", [](json& c) { c["aud"] = json::array({"client-ateliers"}); }, true},
        {"several audiences, azp ours", [](json& c) {
             c["aud"] = json::array({"client-ateliers", "x"});
             c["azp"] = "client-ateliers";
         }, true},
        {"several audiences, no azp", [](json& c) { c["aud"] = json::array({"client-ateliers", "x"}); }, false},
        {"expired", [](json& c) { c["exp"] = now - 61; }, false},
        {"expired within the skew", [](json& c) { c["exp"] = now - 30; }, true},
        {"no exp", [](json& c) { c.erase("exp"); }, false},
        {"issued in the future", [](json& c) { c["iat"] = now + 600; }, false},
        {"other nonce", [](json& c) { c["nonce"] = std::string(43, 'z'); }, false},
        {"no nonce", [](json& c) { c.erase("nonce"); }, false},
        {"no sub", [](json& c) { c.erase("sub"); }, false},
        {"eidas0", [](json& c) { c["acr"] = "eidas0"; }, false},
        {"no acr", [](json& c) { c.erase("acr"); }, false},
        {"eidas2", [](json& c) { c["acr"] = "eidas2"; }, true},
    };
    for (const auto& c : cases) {
        auto claims = good_id_token();
        c.change(claims);
        const auto result = id::check_id_token(claims, provider, settings, nonce, now);
        EXPECT_EQ(result.ok(), c.accepted) << c.what;
        if (result.ok()) EXPECT_EQ(result.value(), "agent-1");
        else EXPECT_NE(result.failure().message.find("ProConnect"), std::string::npos) << c.what;
    }
}

TEST(ProConnectRules, UserinfoClaimsTable) {
    auto good = id::read_userinfo(good_userinfo(), provider, settings, "agent-1");
    ASSERT_TRUE(good.ok());
    EXPECT_EQ(good->email, "agent@mairie.fr");
    EXPECT_EQ(good->full_name(), "Camille Martin");
    EXPECT_EQ(good->siret, "21420218600018");
    for (const char* claim : {"email", "given_name", "usual_name", "uid", "siret", "idp_id"}) {
        auto claims = good_userinfo();
        claims.erase(claim);
        auto read = id::read_userinfo(claims, provider, settings, "agent-1");
        ASSERT_FALSE(read.ok()) << claim;
        EXPECT_NE(read.failure().message.find(claim), std::string::npos) << read.failure().message;
    }
    EXPECT_FALSE(id::read_userinfo(good_userinfo(), provider, settings, "agent-2").ok());  // another person
    auto other_aud = good_userinfo();
    other_aud["aud"] = "someone-else";
    EXPECT_FALSE(id::read_userinfo(other_aud, provider, settings, "agent-1").ok());
    auto bad_email = good_userinfo();
    bad_email["email"] = "pas-une-adresse";
    EXPECT_FALSE(id::read_userinfo(bad_email, provider, settings, "agent-1").ok());
}

TEST(ProConnectRules, SirenOfSiret) {
    EXPECT_EQ(id::siren_of_siret("21420218600018"), "214202186");
    EXPECT_FALSE(id::siren_of_siret("2142021860001").has_value());
    EXPECT_FALSE(id::siren_of_siret("2142021860001A").has_value());
    EXPECT_FALSE(id::siren_of_siret("").has_value());
}
