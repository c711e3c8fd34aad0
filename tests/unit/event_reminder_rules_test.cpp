// When the event reminders go out: a week before, then the day before, never after the start.
#include <gtest/gtest.h>

#include "features/events/domain/reminder_rules.hpp"

using namespace ateliers::events;

TEST(EventReminderRules, WeekThenDayThenNothing) {
    constexpr std::int64_t day = 86400, start = 1'800'000'000;
    struct Case {
        std::int64_t now;
        std::optional<EventReminder> due;
    };
    const Case cases[] = {
        {start - 8 * day, std::nullopt},
        {start - 7 * day - 1, std::nullopt},
        {start - 7 * day, EventReminder::week_before},
        {start - 3 * day, EventReminder::week_before},
        {start - day - 1, EventReminder::week_before},
        {start - day, EventReminder::day_before},
        {start - 60, EventReminder::day_before},
        {start, std::nullopt},
        {start + day, std::nullopt},
    };
    for (const auto& c : cases) EXPECT_EQ(due_event_reminder(start, c.now), c.due) << "now = start - " << start - c.now;
}

TEST(EventReminderRules, CodesAreStable) {
    EXPECT_STREQ(event_reminder_code(EventReminder::week_before), "j-7");
    EXPECT_STREQ(event_reminder_code(EventReminder::day_before), "j-1");
}
