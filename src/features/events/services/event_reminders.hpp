#pragma once
// The events' reminders, a periodic job of the outbox worker (registered in module.cpp):
// a week before and the day before an event, each confirmed person gets one e-mail with
// their own programme. Each is recorded (event_reminders) in the transaction that queues
// it, so running the job again, or on two workers, sends nothing twice.
#include <cstdint>

#include "platform/core/result.hpp"
#include "platform/mail/outbox.hpp"
#include "platform/store/database.hpp"

namespace ateliers::jobs {

// How many e-mails were queued.
Result<int> queue_event_reminders(store::Database& db, std::int64_t now, const services::MailContext& mail);

}  // namespace ateliers::jobs
