#include <gtest/gtest.h>

#include "features/running/domain/attendance_rules.hpp"

using namespace ateliers::attendance;

TEST(AttendanceRules, ParsesTheThreeStatusesAndNothingElse) {
    for (auto p : {Presence::present, Presence::excused, Presence::absent}) {
        Presence back;
        ASSERT_TRUE(parse_presence(presence_code(p), back));
        EXPECT_EQ(back, p);
    }
    Presence out;
    EXPECT_FALSE(parse_presence("", out));
    EXPECT_FALSE(parse_presence("Present", out));
    EXPECT_FALSE(parse_presence("late", out));
}

TEST(AttendanceRules, OnlyAnExcusedAbsenceMayBeRecordedBeforeTheSession) {
    struct Case {
        Presence p;
        bool started;
        bool allowed;
    };
    for (const auto& c : {Case{Presence::excused, false, true}, Case{Presence::present, false, false},
                          Case{Presence::absent, false, false}, Case{Presence::present, true, true},
                          Case{Presence::excused, true, true}, Case{Presence::absent, true, true}})
        EXPECT_EQ(may_record(c.p, c.started), c.allowed) << presence_code(c.p) << " started=" << c.started;
}

TEST(AttendanceRules, TheAbsenceMailGoesOnceForAnUnexcusedAbsenceAfterTheStart) {
    EXPECT_TRUE(needs_absence_mail(Presence::absent, true, false));
    EXPECT_FALSE(needs_absence_mail(Presence::absent, true, true));    // never twice
    EXPECT_FALSE(needs_absence_mail(Presence::absent, false, false));  // not before the session
    EXPECT_FALSE(needs_absence_mail(Presence::excused, true, false));  // they told us
    EXPECT_FALSE(needs_absence_mail(Presence::present, true, false));
}

TEST(AttendanceRules, RatesAreWholePercentsRoundedHalfUp) {
    struct Case {
        int attended, expected;
        std::optional<int> rate;
    };
    for (const auto& c : {Case{0, 0, std::nullopt}, Case{0, 15, 0}, Case{15, 15, 100}, Case{12, 15, 80},
                          Case{1, 3, 33}, Case{2, 3, 67}, Case{1, 8, 13}, Case{1, 200, 1}, Case{1, 201, 0}})
        EXPECT_EQ(rate_percent(c.attended, c.expected), c.rate) << c.attended << "/" << c.expected;
    EXPECT_EQ(rate_text(80), "80\u202f%");
    EXPECT_EQ(rate_text(std::nullopt), "—");
}
