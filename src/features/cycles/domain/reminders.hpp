#pragma once
// When the visio-link reminders go out: two days before a session, then one hour before.
#include <cstdint>
#include <optional>
#include <string>

namespace ateliers::reminders {

enum class Kind { two_days, one_hour };

const char* kind_code(Kind k);  // "j-2", "h-1" (stored, so each is sent once)

// The reminder due now for a session starting at `starts_at`, if any. A person who
// registers after the two-day mark still gets the one-hour reminder.
std::optional<Kind> due(std::int64_t starts_at, std::int64_t now);

}  // namespace ateliers::reminders
