#pragma once
// Which event reminders were sent ("j-7", "j-1"), one row per registration and kind.
#include <soci/soci.h>

#include <set>
#include <string>

namespace ateliers::store {

// Records the reminder unless it is already recorded; true when this call recorded it,
// so that of two workers racing on one database only one queues the e-mail.
bool claim_event_reminder(soci::session& sql, long long registration_id, const std::string& kind, long long now);

// The registrations of the event for which `kind` is already recorded: a job that runs every
// second reads this once per event instead of trying a claim per person.
std::set<long long> claimed_event_reminders(soci::session& sql, long long event_id, const std::string& kind);

}  // namespace ateliers::store
