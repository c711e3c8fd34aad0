#include <gtest/gtest.h>

#include "platform/http/cookies.hpp"
#include "platform/http/forms.hpp"

using namespace ateliers::web;

TEST(UrlEncodedForm, DecodesPlusAndPercentEscapes) {
    auto form = parse_urlencoded("full_name=Jean-Fran%C3%A7ois+Chanal&email=jf%40pelussin.fr&empty=");
    ASSERT_TRUE(form.ok());
    EXPECT_EQ(field(form.value(), "full_name"), "Jean-François Chanal");
    EXPECT_EQ(field(form.value(), "email"), "jf@pelussin.fr");
    EXPECT_EQ(field(form.value(), "empty"), "");
    EXPECT_EQ(field(form.value(), "absent"), "");
}

TEST(UrlEncodedForm, RefusesInvalidUtf8WithFrenchMessage) {
    auto form = parse_urlencoded("full_name=%FF%FE");
    ASSERT_FALSE(form.ok());
    EXPECT_NE(form.failure().message.find("caractères invalides"), std::string::npos);
}

TEST(UrlEncodedForm, RefusesBrokenEscapes) {
    EXPECT_FALSE(parse_urlencoded("a=%Z1").ok());
    EXPECT_FALSE(parse_urlencoded("a=%4").ok());
}

TEST(UrlEncode, RoundTrips) {
    auto form = parse_urlencoded("x=" + url_encode("/espace?a=b&c=é"));
    ASSERT_TRUE(form.ok());
    EXPECT_EQ(field(form.value(), "x"), "/espace?a=b&c=é");
}

TEST(Cookies, ParsesHeaderAndBuildsLaxHttpOnlyCookies) {
    auto c = parse_cookie_header("ateliers_session=abc; ateliers_csrf=def ; other=1");
    EXPECT_EQ(c["ateliers_session"], "abc");
    EXPECT_EQ(c["ateliers_csrf"], "def");
    EXPECT_EQ(set_cookie_value("s", "v", {true, true, 60}), "s=v; Path=/; SameSite=Lax; HttpOnly; Secure; Max-Age=60");
    EXPECT_EQ(set_cookie_value("s", "v", {true, false, -1}), "s=v; Path=/; SameSite=Lax; HttpOnly");
}
