#pragma once
// Organisers e-mail an event's registrants: every confirmed person, those holding a seat in
// one workshop, or the waiting list. One e-mail per person through the outbox, in the same
// transaction as the audit line; the form's one-time token makes a second submission of the
// same form queue nothing.
#include <string>
#include <vector>

#include "platform/core/result.hpp"
#include "platform/mail/outbox.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct EventMailingAudience {
    std::string code;   // value of the form's select: inscrits, attente, atelier-ID
    std::string label;  // "Tous les inscrit·es confirmé·es"
    int recipients = 0;
};
// The choices of audience with how many people each would reach (the preview).
Result<std::vector<EventMailingAudience>> event_mailing_audiences(store::Database& db, const std::string& slug);

struct EventMailingForm {
    std::string token, audience, subject, body;
};
struct EventMailingOutcome {
    int recipients = 0;
    bool already_sent = false;  // this form had been sent before: nothing queued now
};
Result<EventMailingOutcome> send_event_mailing(store::Database& db, long long actor_user_id, const std::string& slug,
                                               const EventMailingForm& form, const MailContext& mail);

}  // namespace ateliers::services
