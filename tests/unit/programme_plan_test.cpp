// The three-year plan: status transitions, follow-up values, years, versions.
#include <gtest/gtest.h>

#include "features/programmes/domain/plan_rules.hpp"

namespace pg = ateliers::programmes;

TEST(ProgrammePlan, StatusTransitionMatrix) {
    using S = pg::Status;
    const S all[] = {S::proposee, S::en_cours, S::bloquee, S::faite, S::abandonnee};
    // allowed[from][to]
    const bool allowed[5][5] = {
        /* proposee   */ {false, true, false, false, true},
        /* en_cours   */ {false, false, true, true, true},
        /* bloquee    */ {false, true, false, false, true},
        /* faite      */ {false, true, false, false, false},
        /* abandonnee */ {true, false, false, false, false},
    };
    for (int f = 0; f < 5; ++f)
        for (int t = 0; t < 5; ++t)
            EXPECT_EQ(pg::can_move(all[f], all[t]), allowed[f][t])
                << pg::status_code(all[f]) << " -> " << pg::status_code(all[t]);
    EXPECT_EQ(pg::next_statuses(S::proposee).size(), 2u);
}

TEST(ProgrammePlan, FollowUpValues) {
    using S = pg::Status;
    EXPECT_EQ(pg::follow_up_problem(S::en_cours, S::en_cours, 40), "");
    EXPECT_EQ(pg::follow_up_problem(S::en_cours, S::faite, 100), "");
    EXPECT_NE(pg::follow_up_problem(S::en_cours, S::faite, 80).find("100 %"), std::string::npos);
    EXPECT_NE(pg::follow_up_problem(S::en_cours, S::en_cours, 101).find("entre 0 et 100"), std::string::npos);
    EXPECT_NE(pg::follow_up_problem(S::en_cours, S::en_cours, -1), "");
    EXPECT_NE(pg::follow_up_problem(S::proposee, S::faite, 100).find("ne peut pas passer"), std::string::npos);
}

TEST(ProgrammePlan, YearsOfAThreeYearPlan) {
    EXPECT_EQ(pg::years_problem({1}), "");
    EXPECT_EQ(pg::years_problem({1, 2, 3}), "");
    EXPECT_NE(pg::years_problem({}), "");
    EXPECT_NE(pg::years_problem({4}), "");
    EXPECT_NE(pg::years_problem({0, 1}), "");
}

TEST(ProgrammePlan, DraftComparedWithAdoptedVersion) {
    const std::vector<pg::PlanItem> adopted{{"1", "Former les élus", "formation", "1", "en_cours"},
                                            {"2", "Coaching DGS", "conduite_changement", "1,2", "proposee"},
                                            {"3", "Budget participatif", "projet_phare", "2", "proposee"}};
    const std::vector<pg::PlanItem> draft{{"1", "Former les élus", "formation", "1", "en_cours"},
                                          {"2", "Coaching DGS", "conduite_changement", "2,3", "proposee"},
                                          {"4", "Tiers-lieu", "projet_phare", "3", "proposee"}};
    auto changes = pg::plan_changes(adopted, draft);
    ASSERT_EQ(changes.size(), 3u);
    EXPECT_EQ(changes[0].kind, pg::ChangeKind::changed);
    EXPECT_EQ(changes[0].key, "2");
    EXPECT_EQ(changes[1].kind, pg::ChangeKind::dropped);
    EXPECT_EQ(changes[1].key, "3");
    EXPECT_EQ(changes[2].kind, pg::ChangeKind::added);
    EXPECT_TRUE(pg::plan_changes(adopted, adopted).empty());
}

TEST(ProgrammePlan, CodesRoundTrip) {
    for (auto k : {pg::ActionKind::formation, pg::ActionKind::conduite_changement, pg::ActionKind::projet_phare}) {
        pg::ActionKind back{};
        ASSERT_TRUE(pg::parse_action_kind(pg::action_kind_code(k), back));
        EXPECT_EQ(back, k);
    }
    pg::FieldSupport f{};
    EXPECT_TRUE(pg::parse_field_support("service_civique", f));
    EXPECT_FALSE(pg::parse_field_support("stagiaire", f));
    pg::Adjustment a{};
    EXPECT_TRUE(pg::parse_adjustment("postponed", a));
    EXPECT_STREQ(pg::adjustment_label(a), "Reportée");
}
