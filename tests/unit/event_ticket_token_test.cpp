// The ticket token: signed with the site's secret, refused when forged, altered, made for
// another registration or under another secret; the QR code is an SVG of the token.
#include <gtest/gtest.h>

#include <vector>

#include "features/events/services/ticket_token.hpp"
#include "platform/export/qr_code.hpp"

using namespace ateliers;

TEST(EventTicketToken, SignedTokenVerifiesToItsRegistration) {
    const auto token = events::sign_ticket("secret-du-site", 42);
    EXPECT_EQ(token.rfind("42.", 0), 0u);
    EXPECT_GT(token.size(), 40u);  // the MAC is not a guessable id
    EXPECT_EQ(events::verify_ticket("secret-du-site", token), 42);
    EXPECT_EQ(events::sign_ticket("secret-du-site", 42), token);  // stable: one ticket per registration
}

TEST(EventTicketToken, ForgedOrAlteredTokensAreRefused) {
    const auto token = events::sign_ticket("secret-du-site", 42);
    EXPECT_FALSE(events::verify_ticket("un-autre-secret", token));
    auto other_id = token;
    other_id.replace(0, 2, "43");  // someone else's id with this MAC
    EXPECT_FALSE(events::verify_ticket("secret-du-site", other_id));
    auto flipped = token;
    flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
    EXPECT_FALSE(events::verify_ticket("secret-du-site", flipped));
    for (const std::string& bad : std::vector<std::string>{"", "42", "42.", ".abc", "x42.abc", "-1.abc", "42.!!!", "0." + token.substr(3)})
        EXPECT_FALSE(events::verify_ticket("secret-du-site", bad)) << bad;
}

TEST(EventTicketToken, QrCodeIsAnAccessibleSvg) {
    const auto svg = documents::qr_svg(events::sign_ticket("s", 7), "Billet de <Ana>");
    EXPECT_EQ(svg.rfind("<svg ", 0), 0u);
    EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
    EXPECT_NE(svg.find("aria-label=\"Billet de &lt;Ana&gt;\""), std::string::npos);
    EXPECT_NE(svg.find("<path"), std::string::npos);
    EXPECT_EQ(svg.find("<Ana>"), std::string::npos);
}
