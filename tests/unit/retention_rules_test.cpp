#include <gtest/gtest.h>

#include "platform/privacy/retention_rules.hpp"

using namespace ateliers::privacy;

TEST(RetentionRules, DurationsAsThePrivacyPageSaysThem) {
    struct Case {
        int months;
        const char* words;
    } cases[] = {{12, "12 mois"}, {18, "18 mois"}, {24, "24 mois"}, {36, "3 ans"}, {48, "4 ans"}, {40, "40 mois"}};
    for (const auto& c : cases) EXPECT_EQ(duration_words(c.months), c.words) << c.months;
    EXPECT_EQ(duration_words(account_idle_months), "3 ans");
    EXPECT_EQ(duration_words(mail_log_months), "12 mois");
}

TEST(RetentionRules, MonthsAreAverageMonths) {
    const std::int64_t now = 1'800'000'000;
    EXPECT_EQ(months_before(now, 0), now);
    EXPECT_EQ(now - months_before(now, 12), 31'556'952);  // 365.2425 days
    EXPECT_EQ(now - months_before(now, 36), 3 * 31'556'952LL);
}

TEST(RetentionRules, TheJournalLineSaysWhatChanged) {
    RetentionOutcome out{3, 1, 7};
    EXPECT_EQ(out.total(), 11);
    EXPECT_EQ(retention_summary(out, 24),
              "3 enregistrement(s) sans texte (activités terminées depuis plus de 24 mois), 1 compte(s) effacé(s) "
              "après 3 ans sans connexion, 7 e-mail(s) envoyé(s) depuis plus de 12 mois retiré(s) du journal");
}
