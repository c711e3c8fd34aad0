#pragma once
// The programme reminders already sent (programme_reminders), so that each goes once.
#include <soci/soci.h>

#include <string>

namespace ateliers::store {

bool programme_reminder_sent(soci::session& sql, const std::string& key);
void record_programme_reminder(soci::session& sql, const std::string& key, long long now);

}  // namespace ateliers::store
