// Sessions and time: a session cannot be planned or moved into the past, a session
// already held keeps its date, and a draft whose session has passed is not published.
#include "cycle_admin_fixture.hpp"
#include "platform/core/paris_time.hpp"

using namespace ateliers;
using test_support::CycleAdminTest;
using test_support::forest_cycle;
using test_support::mail;

TEST_F(CycleAdminTest, ASessionInThePastIsRefusedOnItsRowAndNothingIsWritten) {
    auto in = forest_cycle();
    in.sessions[0].date = "2020-01-09";
    auto saved = services::create_cycle(*db_, organiser_, in, mail);
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.failure().kind, FailureKind::invalid);
    ASSERT_TRUE(saved.failure().fields.count("session_1_date"));
    EXPECT_NE(saved.failure().fields.at("session_1_date").find("déjà passé"), std::string::npos)
        << saved.failure().fields.at("session_1_date");
    EXPECT_EQ(count("SELECT COUNT(*) FROM cycles"), 0);
}

TEST_F(CycleAdminTest, EditingKeepsSessionsAlreadyHeldButRefusesNewOrMovedOnesInThePast) {
    auto saved = services::create_cycle(*db_, organiser_, forest_cycle(), mail);
    ASSERT_TRUE(saved.ok());
    ASSERT_TRUE(services::publish_cycle(*db_, organiser_, saved->slug).ok());
    // Time passes: the first session has been held.
    // A morning a week ago, as the form types it: a time of day taken from the clock would
    // cross midnight in the late evening and fail the form's own "ends after it starts" rule.
    const std::string week_ago = paris_time::iso_date(store::now_utc_seconds() - 7 * 86400);
    const long long held = paris_time::to_utc(std::stoi(week_ago.substr(0, 4)), std::stoi(week_ago.substr(5, 2)),
                                              std::stoi(week_ago.substr(8, 2)), 9, 30),
                    held_end = held + 7200;
    {
        soci::session sql(db_->pool());
        sql << "UPDATE cycle_sessions SET starts_at = :s, ends_at = :e WHERE number = 1", soci::use(held),
            soci::use(held_end);
    }
    auto editing = services::cycle_for_edit(*db_, saved->slug);
    ASSERT_TRUE(editing.ok() && editing.value());
    auto in = editing.value()->input;
    in.summary = "Un résumé retouché après la première séance.";
    auto edited = services::update_cycle(*db_, organiser_, saved->slug, in, mail);
    ASSERT_TRUE(edited.ok()) << edited.failure().message;
    EXPECT_EQ(text("SELECT summary FROM cycles"), in.summary);

    auto moved = in;
    moved.sessions[1].date = paris_time::iso_date(held - 86400);
    auto refused = services::update_cycle(*db_, organiser_, saved->slug, moved, mail);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.failure().fields.count("session_2_date"));

    auto added = in;
    added.sessions.push_back({"", "2021-05-04", "09:30", "11:30", ""});
    auto refused_new = services::update_cycle(*db_, organiser_, saved->slug, added, mail);
    ASSERT_FALSE(refused_new.ok());
    EXPECT_TRUE(refused_new.failure().fields.count("session_5_date"));
    EXPECT_EQ(count("SELECT COUNT(*) FROM cycle_sessions"), 4);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), 0) << "nothing moved, nobody told";
}

TEST_F(CycleAdminTest, ADraftWhoseSessionHasPassedIsNotPublished) {
    auto saved = services::create_cycle(*db_, organiser_, forest_cycle(), mail);
    ASSERT_TRUE(saved.ok());
    const long long past = store::now_utc_seconds() - 86400, past_end = past + 7200;
    {
        soci::session sql(db_->pool());
        sql << "UPDATE cycle_sessions SET starts_at = :s, ends_at = :e WHERE number = 1", soci::use(past),
            soci::use(past_end);
    }
    auto published = services::publish_cycle(*db_, organiser_, saved->slug);
    ASSERT_FALSE(published.ok());
    EXPECT_EQ(published.failure().kind, FailureKind::invalid);
    EXPECT_NE(published.failure().message.find("séance 1"), std::string::npos) << published.failure().message;
    EXPECT_EQ(text("SELECT status FROM cycles"), "draft");
}
