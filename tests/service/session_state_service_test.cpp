// One session state on every page: the runner, attendance, the facilitators'
// overview and the reports (reports_session_state_service_test.cpp) read it from session_plan::session_state with the runner's
// stage, so a session ended live is over everywhere, and one whose slot has passed
// is over even if nobody used the runner.
#include "running_cycle_fixture.hpp"
#include "features/running/services/facilitation_overview.hpp"
#include "features/running/services/attendance.hpp"
#include "features/running/services/live_sessions.hpp"

using namespace ateliers;
using attendance::Presence;
using session_plan::SessionState;

namespace {

class SessionStateTest : public test_support::RunningCycleTest {
protected:
    services::CurrentUser organiser_user_;

    void SetUp() override {
        RunningCycleTest::SetUp();
        enrol("Anne Arnaud", "elu");
        enrol("Bruno Bel", "agent");
        organiser_user_.id = organiser_;
        organiser_user_.roles = {"participant", "organiser"};
    }

    void run_and_end(int number, long long at_seconds) {
        using session_plan::Transition;
        ASSERT_TRUE(
            services::apply_live_transition(*db_, organiser_user_, slug_, number, Transition::start, at_seconds * 1000)
                .ok());
        ASSERT_TRUE(services::apply_live_transition(*db_, organiser_user_, slug_, number, Transition::end,
                                                    (at_seconds + 600) * 1000)
                        .ok());
    }
};

}  // namespace

TEST_F(SessionStateTest, ASessionEndedInTheRunnerBeforeItsSlotTakesAttendanceAndCountsAsHeld) {
    const long long early = session_starts_[2] - 7200;  // session 3, run two hours before its slot
    run_and_end(3, early);
    const long long now = early + 900;

    auto view = services::session_attendance(*db_, slug_, 3, now);
    ASSERT_TRUE(view.ok() && view.value());
    EXPECT_EQ(view.value()->state, SessionState::ended);
    EXPECT_TRUE(view.value()->started);
    auto recorded =
        services::record_attendance(*db_, organiser_, slug_, 3, {{people_[0].registration, Presence::present}}, mail_, now);
    ASSERT_TRUE(recorded.ok()) << recorded.failure().message;

    auto rates = services::cycle_attendance(*db_, slug_, now);
    ASSERT_TRUE(rates.ok() && rates.value());
    EXPECT_TRUE(rates.value()->sessions[2].held);
    EXPECT_EQ(rates.value()->sessions[2].state, SessionState::ended);
    EXPECT_FALSE(rates.value()->sessions[3].held);

    auto overview = services::facilitated_cycle(*db_, organiser_user_, slug_, now);
    ASSERT_TRUE(overview.ok()) << overview.failure().message;
    EXPECT_EQ(overview->sessions[2].state, SessionState::ended);
    EXPECT_EQ(overview->sessions[3].state, SessionState::upcoming);
}

TEST_F(SessionStateTest, ACycleWhoseSlotsPassedIsOverEverywhereWithoutTheRunner) {
    const long long later = session_starts_[3] + 30 * 86400;
    auto overview = services::facilitated_cycle(*db_, organiser_user_, slug_, later);
    ASSERT_TRUE(overview.ok());
    for (const auto& s : overview->sessions) EXPECT_EQ(s.state, SessionState::ended) << "session " << s.number;
    auto view = services::session_attendance(*db_, slug_, 4, later);
    ASSERT_TRUE(view.ok() && view.value());
    EXPECT_EQ(view.value()->state, SessionState::ended);
    auto states = services::cycle_session_states(*db_, cycle_id_, later);
    ASSERT_TRUE(states.ok());
    ASSERT_EQ(states->size(), 4u);
    for (const auto& [number, state] : states.value()) EXPECT_EQ(state, SessionState::ended) << number;

    // During its slot, a session not started in the runner is under way; the next ones are to come.
    auto during_first = services::cycle_session_states(*db_, cycle_id_, during(1));
    ASSERT_TRUE(during_first.ok());
    EXPECT_EQ(during_first->at(1), SessionState::under_way);
    EXPECT_EQ(during_first->at(2), SessionState::upcoming);
}
