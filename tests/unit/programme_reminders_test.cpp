// When a programme's annual review is due: from 1 December of the programme's year.
#include <gtest/gtest.h>

#include "features/programmes/domain/reminders.hpp"

using namespace ateliers::programmes;

TEST(ProgrammeReminders, ReviewsAreDueFromDecemberOfTheirYear) {
    struct Case {
        int year, today_year, today_month;
        bool due;
    } cases[] = {
        {1, 2025, 6, false}, {1, 2025, 11, false}, {1, 2025, 12, true}, {1, 2026, 1, true},
        {2, 2026, 1, false}, {2, 2026, 12, true},  {3, 2027, 12, true}, {3, 2027, 11, false},
    };
    for (const auto& c : cases)
        EXPECT_EQ(review_due(2025, c.year, c.today_year, c.today_month), c.due) << c.year << " " << c.today_year << "-" << c.today_month;
    // Keys differ by spell and by recipient.
    EXPECT_NE(follow_up_reminder_key(1, 100, "a@x.fr"), follow_up_reminder_key(1, 200, "a@x.fr"));
    EXPECT_NE(review_reminder_key(1, 1, "a@x.fr"), review_reminder_key(1, 1, "b@x.fr"));
}
