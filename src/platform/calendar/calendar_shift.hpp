#pragma once
// Moving a calendar by whole weeks, as the demo content does to place the published
// cycles ahead of today (or the fictitious finished cycle behind it). Dates are civil
// dates in Paris: a move keeps the weekday and the wall-clock hours even across a
// change of daylight saving time, and no session lands in the year-end break, when
// nobody would attend.
#include <cstdint>
#include <vector>


namespace ateliers::calendar_shift {

// A moved slot, in UTC seconds.
struct Span {
    std::int64_t starts_at;
    std::int64_t ends_at;
};

struct LocalSlot {
    int year = 0, month = 0, day = 0;
    int start_hour = 0, start_minute = 0;
    int end_hour = 0, end_minute = 0;
};

// 20 December to 3 January inclusive: the Christmas and New Year fortnight.
bool in_year_end_break(int month, int day);

// Start and end (UTC) of `slot` moved by `weeks` (negative: earlier).
Span moved(const LocalSlot& slot, int weeks);

// Smallest shift (in weeks, ≥ 0) that starts the earliest slot at least `lead_days`
// after `today_utc` with no slot in the year-end break (one more week at a time).
int weeks_ahead(const std::vector<LocalSlot>& slots, std::int64_t today_utc, int lead_days);

// Shift (in weeks, either way) that ends the last slot as late as possible but at least
// `lag_days` before `today_utc`, with no slot in the year-end break (one more week back
// at a time).
int weeks_back(const std::vector<LocalSlot>& slots, std::int64_t today_utc, int lag_days);

}  // namespace ateliers::calendar_shift
