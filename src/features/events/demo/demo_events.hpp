#pragma once
// The two real events of the demo (seeds 002 and 003): "Journées des Territoires" with
// its full programme (days, parallel workshops, round tables, speakers) and the
// "Rencontres nationales des Territoires d'engagement" seminar. Dates move by whole
// weeks into the coming months, keeping weekdays and Paris hours (calendar_shift).
#include <cstdint>
#include <string>

#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct DemoEventCounts {
    int events = 0;     // created now; an event whose slug exists is left as it is
    int items = 0;      // plenary items and workshops
    int speakers = 0;
};

Result<DemoEventCounts> seed_demo_events(store::Database& db, const std::string& json_path, std::int64_t today_utc);

std::string default_demo_events_path();

}  // namespace ateliers::services
