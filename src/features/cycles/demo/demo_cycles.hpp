#pragma once
#include <cstdint>
#include <string>

#include "platform/store/database.hpp"

namespace ateliers::services {

struct DemoCounts {
    int cycles = 0;
    int sessions = 0;
    int testimonials = 0;
    int contacts = 0;
};

// Loads the demo content file (cycles of seed 000, testimonials, contacts).
// Idempotent: upserts by slug. Session dates move by whole weeks so the earliest
// session falls at least three weeks after `today_utc`, keeping weekdays and Paris
// hours, and none in the year-end break (calendar_shift::weeks_ahead).
Result<DemoCounts> seed_demo(store::Database& db, const std::string& json_path, std::int64_t today_utc);

std::string default_demo_path();

}  // namespace ateliers::services
