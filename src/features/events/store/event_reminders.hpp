#pragma once
// Which event reminders were sent ("j-7", "j-1"), one row per registration and kind.
#include <soci/soci.h>

#include <string>

namespace ateliers::store {

// Records the reminder unless it is already recorded; true when this call recorded it,
// so that of two workers racing on one database only one queues the e-mail.
bool claim_event_reminder(soci::session& sql, long long registration_id, const std::string& kind, long long now);

}  // namespace ateliers::store
