// Moving the demo calendar by whole weeks: weekday and Paris hours kept across a change
// of time, and nothing in the Christmas and New Year fortnight.
#include <gtest/gtest.h>

#include "platform/calendar/calendar_shift.hpp"
#include "platform/core/paris_time.hpp"

using namespace ateliers;
using calendar_shift::LocalSlot;

namespace {

// Tuesdays two weeks apart, 13 h 30 – 15 h 30, as the finished demo cycle.
std::vector<LocalSlot> fortnightly_tuesdays(int year, int month, int day, int count) {
    std::vector<LocalSlot> out;
    const auto first = paris_time::days_from_civil(year, month, day);
    for (int i = 0; i < count; ++i) {
        const auto d = paris_time::to_local((first + 14 * i) * 86400 + 12 * 3600);
        out.push_back({d.year, d.month, d.day, 13, 30, 15, 30});
    }
    return out;
}

void expect_same_weekday_and_hours(const std::vector<LocalSlot>& slots, int weeks) {
    for (const auto& s : slots) {
        const auto moved = calendar_shift::moved(s, weeks);
        const auto start = paris_time::to_local(moved.starts_at);
        const auto end = paris_time::to_local(moved.ends_at);
        const auto source = paris_time::to_local(paris_time::to_utc(s.year, s.month, s.day, 12, 0));
        EXPECT_EQ(start.weekday, source.weekday);
        EXPECT_EQ(start.hour, s.start_hour) << paris_time::iso8601(moved.starts_at);
        EXPECT_EQ(start.minute, s.start_minute);
        EXPECT_EQ(end.hour, s.end_hour);
        EXPECT_FALSE(calendar_shift::in_year_end_break(start.month, start.day)) << paris_time::iso8601(moved.starts_at);
    }
}

}  // namespace

TEST(CalendarShift, TheYearEndBreakRunsFromTwentiethDecemberToThirdJanuary) {
    struct Case {
        int month, day;
        bool in_break;
    } cases[] = {{12, 19, false}, {12, 20, true}, {12, 25, true}, {12, 29, true}, {12, 31, true},
                 {1, 1, true},    {1, 3, true},   {1, 4, false},  {11, 30, false}, {7, 14, false}};
    for (const auto& c : cases) EXPECT_EQ(calendar_shift::in_year_end_break(c.month, c.day), c.in_break) << c.month << "/" << c.day;
}

TEST(CalendarShift, AMoveAcrossAChangeOfTimeKeepsTheParisHour) {
    // 15 October 2024 is summer time, 29 October winter time: still 13 h 30 in Paris.
    const LocalSlot slot{2024, 10, 15, 13, 30, 15, 30};
    const auto moved = calendar_shift::moved(slot, 2);
    EXPECT_EQ(paris_time::iso8601(moved.starts_at), "2024-10-29T13:30:00+01:00");
    EXPECT_EQ(paris_time::iso8601(moved.ends_at), "2024-10-29T15:30:00+01:00");
    EXPECT_EQ(moved.ends_at - moved.starts_at, 2 * 3600);
    const auto back = calendar_shift::moved(slot, -30);  // into the spring change of 2024
    EXPECT_EQ(paris_time::to_local(back.starts_at).hour, 13);
}

TEST(CalendarShift, AheadSkipsTheChristmasFortnightOneWeekAtATime) {
    // The published demo calendar starts on Tuesday 15 October 2024. Seeded on Tuesday
    // 1 December 2026, three weeks ahead is Tuesday 22 December: in the break. Sessions
    // every week or two cannot jump over a fortnight, so the cycle starts after it.
    std::vector<LocalSlot> slots{{2024, 10, 15, 8, 30, 10, 30}, {2024, 11, 5, 8, 30, 10, 30},
                                 {2024, 11, 7, 13, 30, 15, 30}, {2024, 12, 19, 9, 0, 11, 0}};
    const auto today = paris_time::to_utc(2026, 12, 1, 10, 0);
    const int weeks = calendar_shift::weeks_ahead(slots, today, 21);
    EXPECT_EQ(paris_time::iso_date(calendar_shift::moved(slots.front(), weeks).starts_at), "2027-01-05");
    expect_same_weekday_and_hours(slots, weeks);
    // The shift is the smallest that works: one week less lands in the break.
    bool one_less_fails = false;
    for (const auto& s : slots) {
        const auto d = paris_time::to_local(calendar_shift::moved(s, weeks - 1).starts_at);
        one_less_fails = one_less_fails || calendar_shift::in_year_end_break(d.month, d.day);
    }
    EXPECT_TRUE(one_less_fails);
}

TEST(CalendarShift, AheadNeverMovesACalendarAlreadyFarEnough) {
    const auto slots = fortnightly_tuesdays(2030, 3, 5, 4);
    EXPECT_EQ(calendar_shift::weeks_ahead(slots, paris_time::to_utc(2026, 12, 1, 10, 0), 21), 0);
}

TEST(CalendarShift, AheadStartsAtLeastTheLeadAfterToday) {
    const auto slots = fortnightly_tuesdays(2024, 9, 3, 4);
    for (int offset = 0; offset < 400; offset += 13) {  // a year of seeding days, both changes of time
        const auto today = paris_time::to_utc(2026, 1, 10, 23, 30) + offset * 86400LL;
        const int weeks = calendar_shift::weeks_ahead(slots, today, 21);
        const auto first = calendar_shift::moved(slots.front(), weeks).starts_at;
        EXPECT_GE(first, today + 21 * 86400) << offset;
        // And no later than needed: one week less starts too soon or touches the break.
        bool one_less_fails = calendar_shift::moved(slots.front(), weeks - 1).starts_at < today + 21 * 86400;
        for (const auto& s : slots) {
            const auto d = paris_time::to_local(calendar_shift::moved(s, weeks - 1).starts_at);
            one_less_fails = one_less_fails || calendar_shift::in_year_end_break(d.month, d.day);
        }
        EXPECT_TRUE(one_less_fails) << offset;
        expect_same_weekday_and_hours(slots, weeks);
    }
}

TEST(CalendarShift, BackEndsJustBeforeTodayOutsideTheBreak) {
    const auto slots = fortnightly_tuesdays(2024, 10, 15, 4);
    {
        // Seeded on 1 December 2026: the last Tuesday ending three days before is 24 November,
        // the first 13 October, in summer time — still 13 h 30.
        const auto today = paris_time::to_utc(2026, 12, 1, 10, 0);
        const int weeks = calendar_shift::weeks_back(slots, today, 3);
        EXPECT_EQ(paris_time::iso8601(calendar_shift::moved(slots.back(), weeks).starts_at), "2026-11-24T13:30:00+01:00");
        EXPECT_EQ(paris_time::iso8601(calendar_shift::moved(slots.front(), weeks).starts_at),
                  "2026-10-13T13:30:00+02:00");
        expect_same_weekday_and_hours(slots, weeks);
    }
    {
        // Seeded on 10 January 2027: ending by 7 January would put a session on 22 December;
        // the calendar moves back until none falls in the break.
        const auto today = paris_time::to_utc(2027, 1, 10, 10, 0);
        const int weeks = calendar_shift::weeks_back(slots, today, 3);
        const auto last = calendar_shift::moved(slots.back(), weeks);
        EXPECT_LE(last.ends_at, today - 3 * 86400);
        EXPECT_EQ(paris_time::iso_date(last.starts_at), "2026-12-15");
        expect_same_weekday_and_hours(slots, weeks);
    }
}
