#pragma once
// A person's registration to an event: register with workshop choices (one per slot,
// or none yet), change them until the event starts, cancel (frees every place held).
#include <map>
#include <string>

#include "features/events/domain/programme_rules.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/core/result.hpp"
#include "platform/mail/outbox.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct EventRegistrationRequest {
    events::RegistrationInput input;
    std::string collectivite_id;  // from the collectivité picker, empty for other organisations
    events::Choices choices;      // slot id -> workshop id
};

struct EventRegistrationOutcome {
    long long registration_id = 0;
    std::string status;                       // confirmed | waiting
    std::map<long long, std::string> choices;  // slot id -> held | waiting | wish
};

Result<EventRegistrationOutcome> register_to_event(store::Database& db, const CurrentUser& user, const std::string& slug,
                                                   const EventRegistrationRequest& request, const MailContext& mail);

// Replaces the person's choices by `choices`; a slot left out means "je ne sais pas encore".
// A choice kept as it was keeps its seat or its place in the queue.
Result<EventRegistrationOutcome> change_event_choices(store::Database& db, const CurrentUser& user,
                                                      long long registration_id, const events::Choices& choices,
                                                      const MailContext& mail);

Status cancel_event_registration(store::Database& db, const CurrentUser& user, long long registration_id,
                                 const MailContext& mail);

}  // namespace ateliers::services
