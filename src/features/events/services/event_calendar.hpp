#pragma once
// The event's programme as iCalendar: one VEVENT per plenary item and per workshop,
// built by platform/calendar.
#include <string>

#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

Result<std::string> event_calendar(store::Database& db, const std::string& slug, const std::string& base_url);

// One item of the programme (a plenary item or a workshop), with the same UID as in the
// whole programme's file, so a calendar that has both keeps one copy. Not found for an
// item of another event.
Result<std::string> event_item_calendar(store::Database& db, const std::string& slug, long long item_id,
                                        const std::string& base_url);

}  // namespace ateliers::services
