#include <gtest/gtest.h>

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
