#pragma once
// Queues the reminder e-mails (with the visio link) that are due, once each:
// the session_reminders table remembers what was queued, across restarts.
#include <cstdint>

#include "platform/mail/outbox.hpp"
#include "platform/store/database.hpp"

namespace ateliers::jobs {

Result<int> queue_due_reminders(store::Database& db, std::int64_t now, const services::MailContext& mail);

}  // namespace ateliers::jobs
