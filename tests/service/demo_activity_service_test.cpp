// `seed-demo --activity`: the fictitious activity a local demo shows, loaded once,
// consistent with the rules, and never a reason to e-mail anyone.
#include "services/breakout_planning.hpp"
#include "services/demo_activity.hpp"
#include "services/demo_seed.hpp"
#include "services/reports.hpp"
#include "services/selection_rounds.hpp"
#include "test_database.hpp"

using namespace ateliers;

namespace {

class DemoActivityTest : public test_support::DatabaseTest {};

}  // namespace

TEST_F(DemoActivityTest, FillsARoundAndAFinishedCycleOnce) {
    const auto now = store::now_utc_seconds();
    // The fixture referential is too small for 36 people: the activity refuses, and says why.
    auto too_small = services::seed_demo_activity(*db_, now);
    ASSERT_FALSE(too_small.ok());
    EXPECT_NE(too_small.failure().message.find("référentiel"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users"), 0);

    ASSERT_TRUE(store::import_referential(*db_, store::default_referential_dir()).ok());
    ASSERT_TRUE(services::seed_demo(*db_, services::default_demo_path(), now).ok());
    auto first = services::seed_demo_activity(*db_, now);
    ASSERT_TRUE(first.ok()) << first.failure().message;
    ASSERT_FALSE(first->already_there);
    EXPECT_EQ(first->people, 36);

    auto again = services::seed_demo_activity(*db_, now);
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->already_there);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users"), 36);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), 0);

    auto rounds = services::selection_rounds(*db_);
    ASSERT_TRUE(rounds.ok());
    ASSERT_EQ(rounds->size(), 1u);
    auto proposal = services::propose_round(*db_, rounds->front().closes_at);
    ASSERT_TRUE(proposal.ok()) << proposal.failure().message;
    EXPECT_EQ(proposal->applicants.size(), 24u);
    EXPECT_EQ(proposal->objective.filled, 16);  // two cycles of 8 seats, 24 applicants

    auto report = services::cycle_report(*db_, "demo-participation-habitants", now);
    ASSERT_TRUE(report.ok());
    ASSERT_TRUE(report.value());
    EXPECT_EQ(report.value()->confirmed, first->past_participants);
    EXPECT_EQ(report.value()->sessions_held, 4);
    EXPECT_GT(report.value()->leads, 0);
    EXPECT_GT(report.value()->satisfaction.responses, 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE feedback_requested_at IS NULL AND status = 'confirmed'"),
              0);
    // Every participant of the finished cycle sat in one group per session.
    EXPECT_EQ(count("SELECT COUNT(*) FROM session_groups"), 4 * first->past_participants);
}
