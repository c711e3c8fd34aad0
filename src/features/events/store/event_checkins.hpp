#pragma once
// Who came to an event (one check-in per registration) and who sat in which workshop.
#include <soci/soci.h>

#include <map>
#include <optional>
#include <set>
#include <utility>

namespace ateliers::store {

// Records the check-in unless there is one; returns the time of the one that stands, so
// a replayed check-in (a phone back online) keeps the first time.
long long record_event_checkin(soci::session& sql, long long registration_id, long long by_user_id, long long now);
std::optional<long long> event_checkin_time(soci::session& sql, long long registration_id);
// registration id -> time checked in, for every check-in of the event.
std::map<long long, long long> event_checkin_times(soci::session& sql, long long event_id);

// When the registration's certificate was last queued by e-mail; FOR UPDATE on PostgreSQL
// (SQLite's write transaction already holds the lock), so two presses queue one mail.
std::optional<long long> certificate_mailed_at(soci::session& sql, bool postgresql, long long registration_id);
void record_certificate_mailed(soci::session& sql, long long registration_id, long long now);

void record_workshop_attendance(soci::session& sql, long long registration_id, long long item_id, long long now);
// (registration id, item id) of everyone marked present in a workshop of the event.
std::set<std::pair<long long, long long>> workshop_attendance(soci::session& sql, long long event_id);

}  // namespace ateliers::store
