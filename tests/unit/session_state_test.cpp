#include <gtest/gtest.h>

#include "features/running/domain/session_state.hpp"

using namespace ateliers::session_plan;

namespace {

constexpr std::int64_t starts = 1'800'000'000;  // a session of two hours
constexpr std::int64_t ends = starts + 7200;

}  // namespace

TEST(SessionState, OneStateFromTheScheduleAndTheRunner) {
    struct Case {
        const char* what;
        Stage live;
        std::int64_t now;
        SessionState expected;
    };
    const Case cases[] = {
        {"a day before, never run", Stage::not_started, starts - 86400, SessionState::upcoming},
        {"one second before the start", Stage::not_started, starts - 1, SessionState::upcoming},
        {"at the scheduled start", Stage::not_started, starts, SessionState::under_way},
        {"during the slot, runner not used", Stage::not_started, starts + 600, SessionState::under_way},
        {"at the scheduled end, never run", Stage::not_started, ends, SessionState::ended},
        {"a month later, never run live", Stage::not_started, ends + 30 * 86400, SessionState::ended},
        {"started early in the runner", Stage::running, starts - 900, SessionState::under_way},
        {"paused before the scheduled start", Stage::paused, starts - 60, SessionState::under_way},
        {"running within the slot", Stage::running, starts + 600, SessionState::under_way},
        {"running over its scheduled end", Stage::running, ends + 600, SessionState::under_way},
        {"paused over its scheduled end", Stage::paused, ends + 600, SessionState::under_way},
        {"ended in the runner before the scheduled start", Stage::ended, starts - 3600, SessionState::ended},
        {"ended in the runner before the scheduled end", Stage::ended, ends - 1800, SessionState::ended},
        {"ended in the runner, later on", Stage::ended, ends + 86400, SessionState::ended},
    };
    for (const auto& c : cases) EXPECT_EQ(session_state(starts, ends, c.live, c.now), c.expected) << c.what;
}

TEST(SessionState, AttendanceOpensOnceTheSessionHasStartedByScheduleOrLive) {
    EXPECT_FALSE(has_started(session_state(starts, ends, Stage::not_started, starts - 1)));
    EXPECT_TRUE(has_started(session_state(starts, ends, Stage::not_started, starts)));
    EXPECT_TRUE(has_started(session_state(starts, ends, Stage::running, starts - 3600)));
    EXPECT_TRUE(has_started(session_state(starts, ends, Stage::ended, starts - 3600)));
}

TEST(SessionState, LabelsInFrenchAndStableCodes) {
    EXPECT_STREQ(session_state_label(SessionState::upcoming), "À venir");
    EXPECT_STREQ(session_state_label(SessionState::under_way), "En cours");
    EXPECT_STREQ(session_state_label(SessionState::ended), "Terminée");
    EXPECT_STREQ(session_state_code(SessionState::upcoming), "upcoming");
    EXPECT_STREQ(session_state_code(SessionState::under_way), "under_way");
    EXPECT_STREQ(session_state_code(SessionState::ended), "ended");
}
