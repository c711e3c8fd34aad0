// HTTP-layer rules that stand between a request and an attacker: redirect targets,
// response headers, the client's address behind proxies, CSRF tokens, JSON in HTML.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "platform/auth/crypto.hpp"
#include "platform/http/client_address.hpp"
#include "platform/http/csrf.hpp"
#include "platform/http/http.hpp"
#include "platform/http/json_script.hpp"

using namespace ateliers::web;

TEST(SafeLocalPath, AcceptsOnlyPlainLocalPaths) {
    struct Case {
        std::string next;
        bool kept;
    };
    const std::vector<Case> cases{
        {"/espace", true},
        {"/", true},
        {"/cycles/forets-cooperer/inscription", true},
        {"/cycles?theme=eau&page=2", true},
        {"/admin/cycles/x/inscriptions?statut=attente#haut", true},
        {"/cycles/caf%C3%A9", true},
        {"/cycles/café", true},            // UTF-8 bytes are not control bytes
        {"/a/http://evil.example", true},  // a path segment, not a scheme
        {"", false},
        {"espace", false},
        {"//evil.example/x", false},
        {"/\\evil.example/x", false},
        {"/espace\\..\\admin", false},
        {"\\\\evil.example", false},
        {"https://evil.example/", false},
        {"javascript:alert(1)", false},
        {"/\t/evil.example/x", false},  // browsers drop the tab: "//evil.example/x"
        {"/\n/evil.example/x", false},
        {"/\r\nSet-Cookie: x=1", false},
        {"/espace\r\n", false},
        {std::string("/espace\0x", 9), false},
        {"/espace\x7f", false},
        {"/espace\x1b", false},
        {" /espace", false},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(is_plain_local_path(c.next), c.kept) << "next = \"" << c.next << "\"";
        EXPECT_EQ(safe_local_path(c.next, "/repli"), c.kept ? c.next : "/repli") << "next = \"" << c.next << "\"";
    }
}

TEST(ResponseHeaders, RefuseControlBytesInNamesAndValues) {
    EXPECT_TRUE(is_safe_header("Location", "/espace?a=b"));
    EXPECT_TRUE(is_safe_header("Content-Disposition", "attachment; filename=\"présences.csv\""));
    EXPECT_TRUE(is_safe_header("Set-Cookie", "ateliers_session=abc; Path=/; SameSite=Lax; HttpOnly"));
    EXPECT_FALSE(is_safe_header("Location", "/\r\nSet-Cookie: x=1"));
    EXPECT_FALSE(is_safe_header("Location", "/\nx"));
    EXPECT_FALSE(is_safe_header("Location", "/\rx"));
    EXPECT_FALSE(is_safe_header("Location", "/\tx"));
    EXPECT_FALSE(is_safe_header("Location", std::string("/\0x", 3)));
    EXPECT_FALSE(is_safe_header("Location", "/\x7f"));
    EXPECT_FALSE(is_safe_header("X-A\r\nSet-Cookie", "1"));
    EXPECT_FALSE(is_safe_header("X A", "1"));
    EXPECT_FALSE(is_safe_header("X:A", "1"));
    EXPECT_FALSE(is_safe_header("", "1"));
}

namespace {

TrustedProxies proxies(const std::vector<std::string>& texts) {
    std::vector<AddressRange> ranges;
    for (const auto& t : texts) {
        auto r = parse_address_range(t);
        EXPECT_TRUE(r.has_value()) << t;
        if (r) ranges.push_back(*r);
    }
    return TrustedProxies(std::move(ranges));
}

}  // namespace

TEST(ClientAddress, ParsesAddressesAndNetworks) {
    for (const auto* ok : {"127.0.0.1", "10.0.0.0/8", "::1", "2001:db8::/32", "192.168.1.7/32", " 10.1.2.3 ", "0.0.0.0/0"})
        EXPECT_TRUE(parse_address_range(ok).has_value()) << ok;
    for (const auto* bad : {"", "localhost", "10.0.0.0/33", "::1/129", "10.0.0.0/", "10.0.0.0/x", "1.2.3", "10.0.0.1/8/1"})
        EXPECT_FALSE(parse_address_range(bad).has_value()) << bad;
}

TEST(ClientAddress, IgnoresForwardedForUnlessThePeerIsATrustedProxy) {
    struct Case {
        std::vector<std::string> trusted;
        std::string peer, forwarded_for, expected;
    };
    const std::vector<Case> cases{
        // No proxy configured: a forged header changes nothing.
        {{}, "203.0.113.9", "1.2.3.4", "203.0.113.9"},
        {{}, "203.0.113.9", "", "203.0.113.9"},
        // The peer is not the trusted proxy: its header is a forgery.
        {{"10.0.0.5"}, "203.0.113.9", "1.2.3.4", "203.0.113.9"},
        // Behind the proxy: the address the proxy appended, not what the client wrote before it.
        {{"127.0.0.1"}, "127.0.0.1", "203.0.113.7", "203.0.113.7"},
        {{"127.0.0.1"}, "127.0.0.1", "6.6.6.6, 203.0.113.7", "203.0.113.7"},
        {{"127.0.0.1"}, "127.0.0.1", " 6.6.6.6 ,203.0.113.7 ", "203.0.113.7"},
        // Two proxies in a row: skip every trusted hop from the right.
        {{"127.0.0.1", "10.0.0.0/8"}, "127.0.0.1", "6.6.6.6, 198.51.100.4, 10.1.2.3", "198.51.100.4"},
        // Only trusted hops: the furthest one known.
        {{"127.0.0.1", "10.0.0.0/8"}, "127.0.0.1", "10.9.9.9, 10.1.2.3", "10.9.9.9"},
        // A trusted proxy that wrote nothing: the proxy itself.
        {{"127.0.0.1"}, "127.0.0.1", "", "127.0.0.1"},
        {{"127.0.0.1"}, "127.0.0.1", " , ", "127.0.0.1"},
        // Ports and IPv6.
        {{"127.0.0.1"}, "127.0.0.1", "203.0.113.7:51000", "203.0.113.7"},
        {{"::1"}, "::1", "[2001:db8::7]:443", "2001:db8::7"},
        {{"::1"}, "::1", "2001:db8::7", "2001:db8::7"},
        {{"2001:db8::/32"}, "2001:db8::1", "2001:db9::1, 2001:db8:ffff::2", "2001:db9::1"},
        // An IPv4 peer seen as IPv4-mapped IPv6 matches an IPv4 entry.
        {{"127.0.0.1"}, "::ffff:127.0.0.1", "203.0.113.7", "203.0.113.7"},
        // Network boundaries.
        {{"10.0.0.0/8"}, "11.0.0.1", "1.2.3.4", "11.0.0.1"},
        {{"192.168.1.0/25"}, "192.168.1.127", "1.2.3.4", "1.2.3.4"},
        {{"192.168.1.0/25"}, "192.168.1.128", "1.2.3.4", "192.168.1.128"},
    };
    for (const auto& c : cases)
        EXPECT_EQ(client_address(c.peer, c.forwarded_for, proxies(c.trusted)), c.expected)
            << "peer " << c.peer << ", X-Forwarded-For \"" << c.forwarded_for << "\"";
}

class CsrfTokensTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(ateliers::crypto::initialise()); }
};

TEST_F(CsrfTokensTest, RecognisesOnlyTokensItIssuedForThisSession) {
    const CsrfTokens tokens("secret du site");
    const auto anonymous = tokens.issue("");
    EXPECT_TRUE(tokens.valid(anonymous, ""));
    EXPECT_NE(tokens.issue(""), anonymous) << "each visitor gets their own token";

    const auto logged_in = tokens.issue("jeton-de-session");
    EXPECT_TRUE(tokens.valid(logged_in, "jeton-de-session"));
    // A token issued before login, or for another session, is worth nothing.
    EXPECT_FALSE(tokens.valid(anonymous, "jeton-de-session"));
    EXPECT_FALSE(tokens.valid(logged_in, ""));
    EXPECT_FALSE(tokens.valid(logged_in, "autre-session"));
    // Another site's secret (or a restart with a new random one).
    EXPECT_FALSE(CsrfTokens("autre secret").valid(logged_in, "jeton-de-session"));
    // A value of the right shape that the server did not issue.
    auto forged = logged_in;
    forged.back() = forged.back() == '0' ? '1' : '0';
    EXPECT_FALSE(tokens.valid(forged, "jeton-de-session"));
    EXPECT_FALSE(tokens.valid(std::string(logged_in.size(), 'a'), "jeton-de-session"));
    EXPECT_FALSE(tokens.valid("", ""));
    EXPECT_FALSE(tokens.valid(logged_in.substr(1), "jeton-de-session"));
    EXPECT_FALSE(tokens.valid(std::string(32, 'A'), ""));
}

TEST(JsonForScript, EscapesEveryCharacterHtmlReadsInsideAScriptElement) {
    const nlohmann::json j = {{"name", "</script><script>alert(1)</script> <!-- & \"quotes\" é"}};
    const auto text = json_for_script(j);
    EXPECT_EQ(text.find('<'), std::string::npos) << text;
    EXPECT_EQ(text.find('>'), std::string::npos) << text;
    EXPECT_EQ(text.find('&'), std::string::npos) << text;
    EXPECT_NE(text.find("\\u003c/script\\u003e"), std::string::npos) << text;
    EXPECT_NE(text.find("\\u0026"), std::string::npos) << text;
    // Any JSON reader gets the same data back.
    EXPECT_EQ(nlohmann::json::parse(text), j);
}
