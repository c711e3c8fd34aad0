#pragma once
// When the programme's reminders are due and the key that makes each one go once
// (programme_reminders.reminder_key is unique), as pure functions.
#include <string>

namespace ateliers::programmes {

// A follow-up reminder per stale spell of an action: a new follow-up changes
// `updated_at`, so a later spell gets its own reminder, and the same one never twice.
std::string follow_up_reminder_key(long long action_id, long long updated_at, const std::string& recipient);
std::string review_reminder_key(long long territory_id, int year, const std::string& recipient);

// The review of year `year` (1..years) of a programme starting in `starts_year` is due
// from 1 December of that year of the programme (Paris date), until it is rated.
bool review_due(int starts_year, int year, int today_year, int today_month);

}  // namespace ateliers::programmes
