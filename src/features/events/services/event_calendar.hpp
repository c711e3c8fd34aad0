#pragma once
// The event's programme as iCalendar: one VEVENT per plenary item and per workshop,
// built by platform/calendar.
#include <string>

#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

Result<std::string> event_calendar(store::Database& db, const std::string& slug, const std::string& base_url);

}  // namespace ateliers::services
