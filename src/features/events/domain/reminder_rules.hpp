#pragma once
// When an event's reminders go out: a week before it starts, then the day before.
#include <cstdint>
#include <optional>

namespace ateliers::events {

enum class EventReminder { week_before, day_before };

const char* event_reminder_code(EventReminder r);  // "j-7", "j-1" (stored, so each is sent once)

// The reminder due now for an event starting at `starts_at`, if any: "j-1" in the last 24
// hours, "j-7" between 7 days and 24 hours before. A person who registers after the
// week mark still gets the day-before one; nothing once the event has started.
std::optional<EventReminder> due_event_reminder(std::int64_t starts_at, std::int64_t now);

}  // namespace ateliers::events
