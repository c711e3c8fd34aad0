#pragma once
// Tickets and the welcome desk: a confirmed registration has a ticket (signed token, shown
// as a QR code); organisers check people in by scanning it or by name, once (a replay
// from a phone that was offline changes nothing), and mark who sat in which workshop.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "features/events/services/event_roster.hpp"
#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

// The ticket's token for a registration (the site's "event-tickets" secret signs it).
Result<std::string> event_ticket_token(store::Database& db, long long registration_id);

struct EventTicket {
    store::EventRegistrationRow registration;
    std::string token;
    std::optional<long long> checked_in_at;
};
// The person's ticket for the event: only a confirmed registration has one.
Result<std::optional<EventTicket>> my_event_ticket(store::Database& db, long long event_id, long long user_id);

struct CheckinOutcome {
    long long registration_id = 0;
    std::string full_name;
    std::string organisation;
    bool already = false;  // checked in before this call
    long long checked_in_at = 0;
};
// By ticket token (scanned) when `token` is set, else by registration id (found by name).
// A forged or altered token, a ticket of another event or a registration that is not
// confirmed are refused with a French message.
Result<CheckinOutcome> check_in(store::Database& db, long long actor_user_id, const std::string& slug,
                                const std::string& token, long long registration_id);

// Marks a checked-in person present in one of their workshops (a seat held there).
Result<CheckinOutcome> mark_workshop_presence(store::Database& db, long long actor_user_id, const std::string& slug,
                                              long long registration_id, long long item_id);

struct WelcomeDesk {
    EventRoster roster;                                   // confirmed and waiting, by arrival
    std::map<long long, long long> checked_in;            // registration id -> time
    std::set<std::pair<long long, long long>> presence;   // (registration id, workshop id)
};
Result<WelcomeDesk> welcome_desk(store::Database& db, const std::string& slug);

}  // namespace ateliers::services
