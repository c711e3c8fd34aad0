// The dashboard's rules: an open action is overdue after N weeks without a follow-up,
// a finished or abandoned one never; families are ranked by their mean progression
// from each territory's earliest to latest score.
#include <gtest/gtest.h>

#include "features/programmes/domain/dashboard.hpp"

using namespace ateliers::programmes;

TEST(ProgrammeDashboard, OnlyOpenActionsBecomeOverdue) {
    const long long week = 7 * 24 * 3600;
    const long long now = 100 * week;
    struct Case {
        const char* status;
        long long updated_at;
        bool overdue;
    } cases[] = {
        {"en_cours", now - 7 * week, true},  {"proposee", now - 7 * week, true}, {"bloquee", now - 7 * week, true},
        {"en_cours", now - 6 * week, false},  // exactly six weeks: not yet
        {"en_cours", now - 5 * week, false}, {"faite", now - 50 * week, false},  {"abandonnee", now - 50 * week, false},
    };
    for (const auto& c : cases) EXPECT_EQ(follow_up_overdue(c.status, c.updated_at, now, 6), c.overdue) << c.status;
}

TEST(ProgrammeDashboard, FamiliesAreRankedByMeanProgression) {
    const std::vector<TerritoryFamilyScore> scores{
        {1, 0, "cooperer", 25}, {1, 1, "cooperer", 75},  // +50
        {2, 0, "cooperer", 50}, {2, 2, "cooperer", 60},  // +10
        {2, 1, "cooperer", 55},                          // between: ignored
        {1, 0, "connecter", 50}, {1, 1, "connecter", 40},
        {3, 0, "faciliter", 80},  // only one assessment: no progression yet
    };
    const auto ranked = family_progress(scores);
    ASSERT_EQ(ranked.size(), 3u);
    EXPECT_EQ(ranked[0].family_code, "cooperer");
    EXPECT_EQ(ranked[0].territories, 2);
    EXPECT_DOUBLE_EQ(ranked[0].first, 37.5);
    EXPECT_DOUBLE_EQ(ranked[0].latest, 67.5);
    EXPECT_DOUBLE_EQ(ranked[0].delta, 30.0);
    EXPECT_EQ(ranked[1].family_code, "faciliter");
    EXPECT_DOUBLE_EQ(ranked[1].delta, 0.0);
    EXPECT_EQ(ranked[2].family_code, "connecter");
    EXPECT_DOUBLE_EQ(ranked[2].delta, -10.0);
    EXPECT_TRUE(family_progress({}).empty());
}
