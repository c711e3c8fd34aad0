#pragma once
// The people an organiser's message to a cycle reaches, by registration status.
#include <soci/soci.h>

#include <string>
#include <vector>

namespace ateliers::store {

struct MessageRecipient {
    std::string email;
    std::string full_name;
};

// `statuses` are the code's constants (cycle_message::audience_statuses), never user
// text: they are inlined in the IN list.
std::vector<MessageRecipient> message_recipients(soci::session& sql, long long cycle_id,
                                                 const std::vector<std::string>& statuses);

// How many people (not registrations) have one of these statuses on the cycle.
int audience_size(soci::session& sql, long long cycle_id, const std::vector<std::string>& statuses);

// The confirmed and waiting participants, by arrival then registration id (told of a
// change of the cycle's calendar).
std::vector<MessageRecipient> confirmed_and_waiting(soci::session& sql, long long cycle_id);

}  // namespace ateliers::store
