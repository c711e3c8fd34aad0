#pragma once
// Seats and queues inside one transaction, under the event's lock: placing a choice,
// promoting the first people waiting when places free up. The order is the one the
// cycles use (arrival, then id) and the seat is the smallest free number
// (registration::free_seat), so the database's unique seat indexes refuse any overbooking.
#include <soci/soci.h>

#include <optional>
#include <string>

#include "platform/mail/outbox.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

// Gives the registration a seat in the workshop, or a place in its queue; "held" or "waiting".
std::string place_choice(soci::session& sql, long long registration_id, long long slot_id, long long item_id,
                         long long arrival);

// While the workshop has room, gives it to the first confirmed person waiting, with an e-mail.
void promote_workshop_queue(soci::session& sql, long long item_id, const std::string& event_title, const MailContext& mail);

// While the event has room, confirms the first registration waiting, places its wishes
// (in its own arrival order in each workshop) and e-mails it.
void promote_event_queue(soci::session& sql, store::Dialect dialect, long long event_id, const MailContext& mail);

}  // namespace ateliers::services
