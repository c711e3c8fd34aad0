// Supervision notes and the annual review against a real database: internal notes never
// reach the territory's team or its providers; a bad date or an empty note is refused
// and nothing is kept; the review compares each family with the diagnostic; an
// adjustment needs a reason and a rated review.
#include "features/programmes/services/plans.hpp"
#include "features/programmes/services/reminders.hpp"
#include "features/programmes/services/reviews.hpp"
#include "features/programmes/services/supervision.hpp"
#include "programmes_fixture.hpp"

using namespace ateliers;

namespace {

class ProgrammeReviewTest : public test_support::ProgrammesTest {
protected:
    const std::string slug = "territoires-engagement";

    void rate(int year, int level) {
        auto view = services::open_assessment(*db_, &provider, slug, territory_a, year);
        ASSERT_TRUE(view.ok());
        services::AssessmentInput in;
        in.grid_version_id = grid_id;
        in.identity.successes = year ? "Un budget participatif voté" : "";
        // Every criterion of the first family at `level`.
        const auto family = view->grid.families.front().code;
        for (const auto& c : view->grid.criteria)
            if (c.family_code == family) in.answers.push_back({c.id, grid_id, level, "", "", ""});
        auto saved = services::save_assessment(*db_, &provider, slug, territory_a, year, in);
        ASSERT_TRUE(saved.ok()) << saved.failure().message;
    }
};

}  // namespace

TEST_F(ProgrammeReviewTest, InternalNotesAreHiddenFromTheTerritory) {
    auto team_a = person("equipe-a", "commune:42168");
    ASSERT_TRUE(invite(team_a.email, "territory_team", territory_a).ok());
    ASSERT_TRUE(services::add_supervision_note(*db_, &organiser, slug, territory_a,
                                               {"internal", "Vigilance sur le portage politique", "2026-03-14"})
                    .ok());
    ASSERT_TRUE(services::add_supervision_note(*db_, &provider, slug, territory_a,
                                               {"territory", "Atelier de lancement tenu", "14/03/2026"})
                    .ok());
    // Only the ANCT writes internal notes; the team writes none.
    auto provider_internal = services::add_supervision_note(*db_, &provider, slug, territory_a, {"internal", "x", "2026-03-14"});
    ASSERT_FALSE(provider_internal.ok());
    EXPECT_EQ(provider_internal.failure().kind, FailureKind::forbidden);
    EXPECT_FALSE(services::add_supervision_note(*db_, &team_a, slug, territory_a, {"territory", "x", "2026-03-14"}).ok());
    struct Case {
        const services::CurrentUser* who;
        std::size_t notes;
    } cases[] = {{&organiser, 2}, {&provider, 1}, {&team_a, 1}};
    for (const auto& c : cases) {
        auto v = services::supervision_notes(*db_, c.who, slug, territory_a);
        ASSERT_TRUE(v.ok()) << c.who->email;
        EXPECT_EQ(v->notes.size(), c.notes) << c.who->email;
        for (const auto& n : v->notes)
            if (c.who != &organiser) {
                EXPECT_EQ(n.visibility, "territory") << c.who->email;
            }
    }
    auto other = services::supervision_notes(*db_, &team_b, slug, territory_a);
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.failure().kind, FailureKind::forbidden);
}

TEST_F(ProgrammeReviewTest, BadNotesAreRefusedAndNothingIsKept) {
    auto bad = services::add_supervision_note(*db_, &organiser, slug, territory_a, {"public", " ", "31/02/2026"});
    ASSERT_FALSE(bad.ok());
    for (const char* f : {"visibility", "body", "noted_on"}) EXPECT_EQ(bad.failure().fields.count(f), 1u) << f;
    EXPECT_EQ(count("SELECT COUNT(*) FROM supervision_notes"), 0);
}

TEST_F(ProgrammeReviewTest, TheReviewComparesEachFamilyWithTheDiagnostic) {
    rate(0, 1);
    rate(1, 3);
    auto v = services::open_review(*db_, &provider, slug, territory_a, 1);
    ASSERT_TRUE(v.ok()) << v.failure().message;
    EXPECT_TRUE(v->rated);
    EXPECT_EQ(v->previous_year, 0);
    EXPECT_EQ(v->successes, "Un budget participatif voté");
    ASSERT_EQ(v->changes.size(), 5u);
    const auto& first = v->changes.front();
    EXPECT_DOUBLE_EQ(*first.before, 25.0);
    EXPECT_DOUBLE_EQ(*first.after, 75.0);
    EXPECT_DOUBLE_EQ(*first.delta, 50.0);
    EXPECT_FALSE(v->changes.back().delta.has_value());  // families not rated have no difference
    auto beyond = services::open_review(*db_, &provider, slug, territory_a, 4);
    ASSERT_FALSE(beyond.ok());
    EXPECT_EQ(beyond.failure().kind, FailureKind::not_found);
}

TEST_F(ProgrammeReviewTest, AdjustmentsNeedAReasonAndARatedReview) {
    auto early = services::add_review_adjustment(*db_, &provider, slug, territory_a, 1, {"added", "Nouvelle action", "Besoin", 0});
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.failure().kind, FailureKind::conflict);
    rate(1, 2);
    auto action = services::save_plan_action(*db_, &provider, slug, territory_a,
                                             {0, "Former les élus", "", "formation", {1}, {}, "", {}});
    ASSERT_TRUE(action.ok());
    auto no_reason = services::add_review_adjustment(*db_, &provider, slug, territory_a, 1, {"postponed", "", " ", action.value()});
    ASSERT_FALSE(no_reason.ok());
    EXPECT_EQ(no_reason.failure().field, "reason");
    auto foreign = services::add_review_adjustment(*db_, &provider, slug, territory_a, 1, {"dropped", "", "Raison", 999999});
    ASSERT_FALSE(foreign.ok());
    EXPECT_EQ(foreign.failure().field, "action_id");
    EXPECT_EQ(count("SELECT COUNT(*) FROM review_adjustments"), 0);
    auto ok = services::add_review_adjustment(*db_, &provider, slug, territory_a, 1,
                                              {"postponed", "", "Élections municipales", action.value()});
    ASSERT_TRUE(ok.ok()) << ok.failure().message;
    auto v = services::open_review(*db_, &team_b, slug, territory_b, 1);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->adjustments.empty());
    auto mine = services::open_review(*db_, &provider, slug, territory_a, 1);
    ASSERT_EQ(mine->adjustments.size(), 1u);
    EXPECT_EQ(mine->adjustments.front().title, "Former les élus");
    EXPECT_EQ(mine->adjustments.front().kind, "postponed");
}

TEST_F(ProgrammeReviewTest, RemindersGoOnceEach) {
    auto a = services::save_plan_action(*db_, &provider, slug, territory_a, {0, "Former les élus", "", "formation", {1}, {}, "", {}});
    ASSERT_TRUE(a.ok());
    {
        soci::session sql(db_->pool());
        sql << "UPDATE plan_actions SET updated_at = 1000 WHERE id = :id", soci::use(a.value());
    }
    const long long before = count("SELECT COUNT(*) FROM outbox");
    // The programme starts in 2025: in January 2026 the year-1 review is due, year 2 not yet.
    const std::int64_t january_2026 = 1768000000;  // 2026-01-09
    auto first = services::queue_programme_reminders(*db_, january_2026, test_support::programmes_mail);
    ASSERT_TRUE(first.ok()) << first.failure().message;
    // The provider of A: one follow-up and one review reminder; nobody else is in A.
    EXPECT_EQ(first.value(), 2);
    auto second = services::queue_programme_reminders(*db_, january_2026 + 3600, test_support::programmes_mail);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second.value(), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox") - before, 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'prestataire@exemple.fr' AND subject LIKE 'Bilan annuel%'"), 1);
    // A new follow-up then a new stale spell: one more reminder, once.
    ASSERT_TRUE(services::record_follow_up(*db_, &provider, slug, territory_a, a.value(), {"en_cours", 10, ""}).ok());
    {
        soci::session sql(db_->pool());
        sql << "UPDATE plan_actions SET updated_at = 2000 WHERE id = :id", soci::use(a.value());
    }
    auto third = services::queue_programme_reminders(*db_, january_2026 + 7200, test_support::programmes_mail);
    ASSERT_TRUE(third.ok());
    EXPECT_EQ(third.value(), 1);
    // Nothing new since: nothing sent.
    auto fourth = services::queue_programme_reminders(*db_, january_2026 + 9000, test_support::programmes_mail);
    ASSERT_TRUE(fourth.ok());
    EXPECT_EQ(fourth.value(), 0);
}
