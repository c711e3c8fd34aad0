#pragma once
// E-mails the post-cycle questionnaire link to each confirmed participant once the
// cycle's last session has ended, once per registration: feedback_requested_at is set
// in the same transaction as the outbox message, so a crash or a second worker never
// sends it twice.
#include <cstdint>

#include "platform/mail/outbox.hpp"
#include "platform/store/database.hpp"

namespace ateliers::jobs {

// Returns how many invitations were queued.
Result<int> queue_feedback_invitations(store::Database& db, std::int64_t now, const services::MailContext& mail);

}  // namespace ateliers::jobs
