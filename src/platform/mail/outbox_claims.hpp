#pragma once
// Taking outbox rows to send under a lease, so that two workers (threads, or processes
// on one database) never send the same row at the same time, and the rows of a worker
// that died are taken again once its lease has run out. Delivery stays at-least-once;
// a resent message keeps its Message-ID (docs/mail.md).
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "platform/mail/attachment.hpp"
#include "platform/store/database.hpp"

namespace ateliers::jobs {

inline constexpr std::int64_t outbox_lease_seconds = 120;
inline constexpr int outbox_max_attempts = 10;
inline constexpr std::int64_t outbox_retry_seconds = 60;

struct ClaimedMail {
    long long id = 0;
    std::string recipient, subject, text, html;
    std::string message_id;  // chosen when the row was written, the same for every attempt
    std::vector<MailAttachment> attachments;
};

struct OutboxClaim {
    std::string token;            // stored in claim_token of each row taken
    std::int64_t held_until = 0;  // end of the lease
    std::vector<ClaimedMail> mails;
};

// Takes up to `batch_size` unsent rows that nobody holds (never taken, or lease over),
// oldest first: FOR UPDATE SKIP LOCKED on PostgreSQL, BEGIN IMMEDIATE on SQLite.
Result<OutboxClaim> claim_pending(store::Database& db, int batch_size, std::int64_t now);

// Extends the lease of the claim's unsent rows to now + lease and returns the ids the
// claim still holds: a row another worker took after this lease ran out is not among them.
Result<std::set<long long>> renew_claim(store::Database& db, OutboxClaim& claim, std::int64_t now);

// Sent: recipient, subject and dates stay for the journal; the bodies, which may hold
// confirmation or reset links, are replaced by services::redacted_body and the
// attachments are deleted.
Status mark_sent(store::Database& db, long long id, std::int64_t now);

// Not sent: tried again after a minute while the claim holds the row; on the last
// attempt the row is given up and its bodies and attachments are dropped as well.
Status mark_failed(store::Database& db, const OutboxClaim& claim, long long id, const std::string& error,
                   std::int64_t now);

}  // namespace ateliers::jobs
