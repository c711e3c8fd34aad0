// The reports count a session as held by the same rule as every page: a session
// run and ended in the live runner before its slot is held, not "à venir".
// (A file of its own: reports.hpp and attendance.hpp both name a SessionAttendance.)
#include "running_cycle_fixture.hpp"
#include "features/running/services/live_sessions.hpp"
#include "features/reports/services/reports.hpp"

#include <algorithm>

using namespace ateliers;

namespace {
class ReportsSessionStateTest : public test_support::RunningCycleTest {};
}  // namespace

TEST_F(ReportsSessionStateTest, ASessionEndedInTheRunnerIsHeld) {
    enrol("Anne Arnaud", "elu");
    services::CurrentUser organiser;
    organiser.id = organiser_;
    organiser.roles = {"participant", "organiser"};
    const long long early = session_starts_[0] - 7200;
    using session_plan::Transition;
    ASSERT_TRUE(services::apply_live_transition(*db_, organiser, slug_, 1, Transition::start, early * 1000).ok());
    ASSERT_TRUE(services::apply_live_transition(*db_, organiser, slug_, 1, Transition::end, (early + 600) * 1000).ok());

    auto report = services::cycle_report(*db_, slug_, early + 900);
    ASSERT_TRUE(report.ok() && report.value());
    EXPECT_TRUE(report.value()->sessions[0].held);
    EXPECT_FALSE(report.value()->sessions[1].held);
    EXPECT_EQ(report.value()->sessions_held, 1);

    auto board = services::dashboard(*db_, {}, early + 900);
    ASSERT_TRUE(board.ok());
    const auto line = std::find_if(board->cycles.begin(), board->cycles.end(),
                                   [&](const auto& c) { return c.slug == slug_; });
    ASSERT_NE(line, board->cycles.end());
    EXPECT_EQ(line->sessions_held, 1);
}
