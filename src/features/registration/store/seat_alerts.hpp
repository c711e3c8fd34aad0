#pragma once
// Seat alerts: people asking to be told when their collectivité's place on a cycle,
// held by a colleague, frees up.
#include <soci/soci.h>

#include <string>
#include <vector>

namespace ateliers::store {

// Whether another person's registration to the cycle holds the collectivité's place.
bool colleague_holds_place(soci::session& sql, long long cycle_id, long long user_id,
                           const std::string& collectivite_id);

// Whether the person has an alert on the cycle not yet sent.
bool seat_alert_pending(soci::session& sql, long long cycle_id, long long user_id);

// Asks (again) for an alert: a former one is replaced and waits to be sent.
void upsert_seat_alert(soci::session& sql, long long cycle_id, long long user_id, const std::string& collectivite_id,
                       long long now);

struct SeatAlertRow {
    long long id = 0;
    std::string email;
    std::string full_name;
};

// Alerts not yet sent for the collectivité's place, of people with no active
// registration to the cycle, oldest first.
std::vector<SeatAlertRow> alerts_to_send(soci::session& sql, long long cycle_id, const std::string& collectivite_id);

void mark_seat_alert_sent(soci::session& sql, long long alert_id, long long now);

}  // namespace ateliers::store
