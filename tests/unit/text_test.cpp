#include <gtest/gtest.h>

#include <limits>

#include "platform/core/text.hpp"

using namespace ateliers::text;

TEST(Utf8, AcceptsFrenchText) {
    EXPECT_TRUE(is_valid_utf8("Pélussin, Saint-Étienne, Œuvre, l’eau"));
    EXPECT_TRUE(is_valid_utf8(""));
}

TEST(Utf8, RejectsMalformedSequences) {
    struct Case {
        const char* bytes;
        const char* why;
    } cases[] = {
        {"\xff\xfe", "invalid lead bytes"},
        {"caf\xc3", "truncated sequence"},
        {"\xc0\xaf", "overlong slash"},
        {"\xed\xa0\x80", "UTF-16 surrogate"},
        {"\xf4\x90\x80\x80", "beyond U+10FFFF"},
        {"a\x80z", "stray continuation byte"},
    };
    for (const auto& c : cases) EXPECT_FALSE(is_valid_utf8(c.bytes)) << c.why;
}

TEST(FoldForSearch, MatchesWithoutAccentsCaseOrPunctuation) {
    struct Case {
        const char* in;
        const char* out;
    } cases[] = {
        {"Pélussin", "pelussin"},
        {"Saint-Étienne", "saint etienne"},
        {"L'Abergement-Clémenciat", "l abergement clemenciat"},
        {"CC du Pilat Rhodanien", "cc du pilat rhodanien"},
        {"  Œuilly  ", "oeuilly"},
        {"Bourg-en-Bresse", "bourg en bresse"},
        {"42168", "42168"},
    };
    for (const auto& c : cases) EXPECT_EQ(fold_for_search(c.in), c.out) << c.in;
}

TEST(Email, PlausibleAddresses) {
    EXPECT_TRUE(is_plausible_email("prenom.nom@mairie-pelussin.fr"));
    EXPECT_FALSE(is_plausible_email("prenom.nom"));
    EXPECT_FALSE(is_plausible_email("a@b"));
    EXPECT_FALSE(is_plausible_email("a b@c.fr"));
    EXPECT_FALSE(is_plausible_email("a@@c.fr"));
    EXPECT_FALSE(is_plausible_email("@c.fr"));
}

TEST(Text, LengthCountsCharactersNotBytes) { EXPECT_EQ(length_in_chars("élu"), 3u); }

TEST(TextRules, EscapesEveryCharacterThatCouldOpenMarkupOrCloseAnAttribute) {
    EXPECT_EQ(escape_html(R"(<a href="x" title='y'>Tom & Jerry</a>)"),
              "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
    EXPECT_EQ(escape_html("Pélussin"), "Pélussin");
}

TEST(TextRules, ABoundedIntegerIsDigitsOnlyWithinItsBounds) {
    EXPECT_EQ(parse_bounded_integer("15", 1, 200), 15);
    EXPECT_EQ(parse_bounded_integer("007", 1, 200), 7);
    EXPECT_EQ(parse_bounded_integer("0", 1, 200), std::nullopt);
    EXPECT_EQ(parse_bounded_integer("201", 1, 200), std::nullopt);
    for (const char* bad : {"", "-3", "+3", " 3", "3 ", "1e3", "12abc", "١٢", "9999999999999999999"})
        EXPECT_EQ(parse_bounded_integer(bad, 0, 1'000'000), std::nullopt) << bad;
    EXPECT_EQ(parse_bounded_integer("123456789012345678", 0, std::numeric_limits<long long>::max()),
              123456789012345678LL);
}
