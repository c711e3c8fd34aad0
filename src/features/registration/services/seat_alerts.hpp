#pragma once
// "Une seule inscription par collectivité": a person whose colleague already holds
// their collectivité's place on a cycle is told so on the cycle's page, before filling
// the form, and may ask to be e-mailed if the place frees up.
#include <soci/soci.h>

#include <string>

#include "platform/auth/accounts.hpp"

namespace ateliers::services {

struct CollectivitePlace {
    bool held_by_colleague = false;  // another person of the collectivité holds its place
    bool alert_requested = false;    // this person asked to be told when it frees up
};

// Where `user` stands on the cycle through their profile collectivité; never names the colleague.
Result<CollectivitePlace> collectivite_place(store::Database& db, long long cycle_id, const CurrentUser& user);

// Records the request (again after an earlier e-mail: the place may have been taken anew).
// Refused when no colleague holds the place, or the person has no collectivité.
Status request_seat_alert(store::Database& db, const CurrentUser& user, const std::string& cycle_slug);

// Inside the caller's transaction, once a registration has released `collectivite_id`'s
// place on the cycle: e-mails each person who asked, once. Returns how many.
int notify_seat_alerts(soci::session& sql, long long cycle_id, const std::string& collectivite_id,
                       const MailContext& mail);

}  // namespace ateliers::services
