// The project method's rules: who sees and does what, stage transitions, the word diff.
#include <gtest/gtest.h>

#include "features/projects/domain/project_access.hpp"
#include "features/projects/domain/stages.hpp"
#include "features/projects/domain/text_diff.hpp"

namespace pj = ateliers::projects;

TEST(ProjectAccess, TableOfViewers) {
    const std::string tarn = "epci:248100000";
    struct Case {
        const char* who;
        pj::Viewer viewer;
        bool view, write, review, manage;
    } cases[] = {
        {"organiser", {true, "", pj::Membership::none}, true, false, true, true},
        {"team member", {false, "commune:81001", pj::Membership::team}, true, true, false, false},
        {"advisor", {false, "", pj::Membership::advisor}, true, false, true, false},
        {"same territory, not a member", {false, tarn, pj::Membership::none}, true, false, false, false},
        {"other territory", {false, "epci:244200622", pj::Membership::none}, false, false, false, false},
        {"no collectivité", {false, "", pj::Membership::none}, false, false, false, false},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(pj::can_view(c.viewer, tarn), c.view) << c.who;
        EXPECT_EQ(pj::can_write(c.viewer), c.write) << c.who;
        EXPECT_EQ(pj::can_review(c.viewer), c.review) << c.who;
        EXPECT_EQ(pj::can_manage(c.viewer), c.manage) << c.who;
    }
    EXPECT_EQ(pj::parse_membership("team"), pj::Membership::team);
    EXPECT_EQ(pj::parse_membership("advisor"), pj::Membership::advisor);
    EXPECT_EQ(pj::parse_membership("organiser"), pj::Membership::none);
}

TEST(ProjectStages, SubmitAndReviewOnlyInTheirState) {
    using S = pj::StageState;
    struct Case {
        S state;
        bool editable, submittable, reviewable;
    } cases[] = {
        {S::locked, false, false, false},   {S::draft, true, true, false},     {S::submitted, false, false, true},
        {S::to_rework, true, true, false},  {S::validated, false, false, false},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(pj::editable(c.state), c.editable) << pj::state_name(c.state);
        EXPECT_EQ(pj::submit_problem(c.state).empty(), c.submittable) << pj::state_name(c.state);
        EXPECT_EQ(pj::review_problem(c.state).empty(), c.reviewable) << pj::state_name(c.state);
        EXPECT_EQ(pj::parse_state(pj::state_name(c.state)), c.state);
    }
    EXPECT_NE(pj::submit_problem(S::locked).find("pas encore ouvert"), std::string::npos);
    EXPECT_EQ(pj::after_review(true), S::validated);
    EXPECT_EQ(pj::after_review(false), S::to_rework);
}

TEST(ProjectStages, ValidatingOpensTheNextOnly) {
    using S = pj::StageState;
    const std::vector<S> start{S::submitted, S::locked, S::locked};
    EXPECT_EQ(pj::with_state(start, 0, S::to_rework), (std::vector<S>{S::to_rework, S::locked, S::locked}));
    const auto after = pj::with_state(start, 0, S::validated);
    EXPECT_EQ(after, (std::vector<S>{S::validated, S::draft, S::locked}));
    EXPECT_EQ(pj::current_stage(after), 1u);
    const auto last = pj::with_state({S::validated, S::validated, S::submitted}, 2, S::validated);
    EXPECT_EQ(pj::current_stage(last), 3u);
    EXPECT_EQ(pj::with_state(start, 7, S::validated), start);
}

TEST(ProjectStages, SummarySaysWhichDeliverableAndItsState) {
    using S = pj::StageState;
    EXPECT_EQ(pj::stage_summary({S::draft, S::locked, S::locked}), "Livrable 1 : En rédaction");
    EXPECT_EQ(pj::stage_summary({S::validated, S::to_rework, S::locked}), "Livrable 2 : À reprendre");
    EXPECT_EQ(pj::stage_summary({S::validated, S::validated, S::validated}), "Les trois livrables sont validés");
}

TEST(ProjectDiff, WordsAddedAndRemoved) {
    const auto parts = pj::word_diff("Former les managers des cinq EPCI", "Former 40 managers des cinq EPCI au CNFPT");
    ASSERT_FALSE(parts.empty());
    std::string added, removed, same;
    for (const auto& p : parts) {
        if (p.kind == pj::DiffKind::added) added += p.text + "|";
        if (p.kind == pj::DiffKind::removed) removed += p.text + "|";
        if (p.kind == pj::DiffKind::same) same += p.text + "|";
    }
    EXPECT_EQ(added, "40|au CNFPT|");
    EXPECT_EQ(removed, "les|");
    EXPECT_EQ(same, "Former|managers des cinq EPCI|");
    EXPECT_TRUE(pj::unchanged(pj::word_diff("a  b\nc", "a b c")));
    EXPECT_FALSE(pj::unchanged(pj::word_diff("", "nouveau")));
    EXPECT_TRUE(pj::word_diff("", "").empty());
}

TEST(ProjectStages, NamedByTheDeliverableUnderWay) {
    EXPECT_EQ(pj::stage_name(0), "Note d’intention");
    EXPECT_EQ(pj::stage_name(2), "Note de faisabilité");
    EXPECT_EQ(pj::stage_name(3), "Trois livrables validés");
    EXPECT_EQ(pj::stage_name(7), "Trois livrables validés");
}
