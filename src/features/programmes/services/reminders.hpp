#pragma once
// The programmes' reminders, run by the outbox worker (module.cpp registers the job):
// to the territory's team and providers when an open action has had no follow-up for
// programmes::follow_up_overdue_weeks, and to its providers when an annual review is due
// and not rated. Each reminder is recorded with its mail in one transaction, under a
// unique key: run twice, it queues nothing twice; if the transaction fails, neither
// the mail nor the record stays, and the next run tries again.
#include <cstdint>

#include "platform/core/result.hpp"
#include "platform/mail/outbox.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

Result<int> queue_programme_reminders(store::Database& db, std::int64_t now, const MailContext& mail);

}  // namespace ateliers::services
