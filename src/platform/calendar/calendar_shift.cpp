#include "platform/calendar/calendar_shift.hpp"

#include <algorithm>

#include "platform/core/paris_time.hpp"

namespace ateliers::calendar_shift {

namespace {

constexpr std::int64_t day = 86400;

paris_time::LocalDateTime civil_day(const LocalSlot& slot, int weeks) {
    // Noon UTC is the same civil day in Paris whatever the offset.
    const auto days = paris_time::days_from_civil(slot.year, slot.month, slot.day) + 7LL * weeks;
    return paris_time::to_local(days * day + 12 * 3600);
}

bool any_in_break(const std::vector<LocalSlot>& slots, int weeks) {
    return std::any_of(slots.begin(), slots.end(), [&](const LocalSlot& s) {
        const auto d = civil_day(s, weeks);
        return in_year_end_break(d.month, d.day);
    });
}

}  // namespace

bool in_year_end_break(int month, int day_of_month) {
    return (month == 12 && day_of_month >= 20) || (month == 1 && day_of_month <= 3);
}

Span moved(const LocalSlot& slot, int weeks) {
    const auto d = civil_day(slot, weeks);
    return {paris_time::to_utc(d.year, d.month, d.day, slot.start_hour, slot.start_minute),
            paris_time::to_utc(d.year, d.month, d.day, slot.end_hour, slot.end_minute)};
}

int weeks_ahead(const std::vector<LocalSlot>& slots, std::int64_t today_utc, int lead_days) {
    if (slots.empty()) return 0;
    const auto earliest = [&](int weeks) {
        std::int64_t first = INT64_MAX;
        for (const auto& s : slots) first = std::min(first, moved(s, weeks).starts_at);
        return first;
    };
    const std::int64_t target = today_utc + static_cast<std::int64_t>(lead_days) * day;
    int weeks = 0;
    if (earliest(0) < target) weeks = static_cast<int>((target - earliest(0) + 7 * day - 1) / (7 * day));
    // A change of time can leave the estimate an hour short: check on the real times.
    while (earliest(weeks) < target) ++weeks;
    while (any_in_break(slots, weeks)) ++weeks;
    return weeks;
}

int weeks_back(const std::vector<LocalSlot>& slots, std::int64_t today_utc, int lag_days) {
    if (slots.empty()) return 0;
    const auto latest = [&](int weeks) {
        std::int64_t last = INT64_MIN;
        for (const auto& s : slots) last = std::max(last, moved(s, weeks).ends_at);
        return last;
    };
    const std::int64_t target = today_utc - static_cast<std::int64_t>(lag_days) * day;
    const std::int64_t gap = target - latest(0);
    // Floor division: the estimate never overshoots by more than one week either way.
    int weeks = static_cast<int>(gap >= 0 ? gap / (7 * day) : -((-gap + 7 * day - 1) / (7 * day)));
    while (latest(weeks) > target) --weeks;
    while (latest(weeks + 1) <= target) ++weeks;
    while (any_in_break(slots, weeks)) --weeks;
    return weeks;
}

}  // namespace ateliers::calendar_shift
