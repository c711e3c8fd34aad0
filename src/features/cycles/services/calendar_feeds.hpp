#pragma once
// Calendars people subscribe to: a cycle's public .ics (no visio link) and each
// person's private feed (secret URL) with the visio links of their confirmed cycles.
#include <optional>
#include <string>

#include "platform/store/database.hpp"

namespace ateliers::services {

Result<std::optional<std::string>> cycle_calendar(store::Database& db, const std::string& slug,
                                                  const std::string& base_url);

Result<std::optional<std::string>> personal_calendar(store::Database& db, const std::string& token,
                                                     const std::string& base_url);

// The person's feed secret, created on first use.
Result<std::string> calendar_token(store::Database& db, long long user_id);

// A new feed secret: the old address stops answering (e.g. it was shared by mistake).
Result<std::string> rotate_calendar_token(store::Database& db, long long user_id);

}  // namespace ateliers::services
