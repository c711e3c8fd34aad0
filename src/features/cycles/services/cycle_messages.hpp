#pragma once
// Organisers write to the people of a cycle from the back office
// (/admin/cycles/SLUG/message): one outbox row per person, written with the audit
// entry in one transaction, so the journal never claims a message that did not go.
#include <map>
#include <optional>
#include <string>

#include "features/cycles/domain/cycle_message.hpp"
#include "platform/core/result.hpp"
#include "platform/mail/outbox.hpp"
#include "features/cycles/store/cycles.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct MessageAudiences {
    store::CycleRow cycle;
    std::map<cycle_message::Audience, int> counts;  // people each audience reaches
};

// nullopt when no cycle has this slug.
Result<std::optional<MessageAudiences>> message_audiences(store::Database& db, const std::string& slug);

// Validates (Failure::fields by form field, 422), refuses an audience of nobody
// (409), queues one e-mail per person and writes "cycle.message" to the audit log.
// Returns how many people it was sent to.
Result<int> send_cycle_message(store::Database& db, long long actor_id, const std::string& slug,
                               const cycle_message::Draft& draft, const MailContext& mail);

}  // namespace ateliers::services
