#include "features/events/domain/reminder_rules.hpp"

namespace ateliers::events {

const char* event_reminder_code(EventReminder r) { return r == EventReminder::week_before ? "j-7" : "j-1"; }

std::optional<EventReminder> due_event_reminder(std::int64_t starts_at, std::int64_t now) {
    constexpr std::int64_t day = 86400;
    if (now >= starts_at) return std::nullopt;
    if (now >= starts_at - day) return EventReminder::day_before;
    if (now >= starts_at - 7 * day) return EventReminder::week_before;
    return std::nullopt;
}

}  // namespace ateliers::events
