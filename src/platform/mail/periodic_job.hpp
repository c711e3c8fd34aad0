#pragma once
// Work the outbox worker does before each delivery pass (a module's reminders or
// invitations): it queues messages and says how many; running it twice queues nothing
// twice.
#include <cstdint>
#include <functional>
#include <string>

#include "platform/core/result.hpp"
#include "platform/mail/outbox.hpp"
#include "platform/store/database.hpp"

namespace ateliers::jobs {

struct PeriodicJob {
    std::string name;  // for the log: "reminders: 3 message(s) queued"
    std::function<Result<int>(store::Database&, std::int64_t now, const services::MailContext&)> run;
};

}  // namespace ateliers::jobs
