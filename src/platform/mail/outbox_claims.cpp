#include "platform/mail/outbox_claims.hpp"

#include <algorithm>

#include "platform/auth/crypto.hpp"
#include "platform/mail/mime.hpp"
#include "platform/mail/outbox.hpp"
#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::jobs {

Result<OutboxClaim> claim_pending(store::Database& db, int batch_size, std::int64_t now) {
    OutboxClaim claim;
    claim.token = crypto::random_token();
    claim.held_until = now + outbox_lease_seconds;
    auto done = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const std::string lock = db.dialect() == store::Dialect::postgresql ? " FOR UPDATE SKIP LOCKED" : "";
        const long long at = now, until = claim.held_until;
        const int limit = batch_size, max_attempts = outbox_max_attempts;
        soci::rowset<soci::row> rows =
            (sql.prepare << "UPDATE outbox SET locked_until = :until, claim_token = :token, attempts = attempts + 1 "
                            "WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL AND locked_until < :now "
                            "AND attempts < :max ORDER BY id LIMIT :lim" + lock + ") "
                            "RETURNING id, recipient, subject, body_text, body_html, message_id",
             soci::use(until, "until"), soci::use(claim.token, "token"), soci::use(at, "now"),
             soci::use(max_attempts, "max"), soci::use(limit, "lim"));
        for (const auto& r : rows)
            claim.mails.push_back({store::as_int(r, "id"), store::as_text(r, "recipient"), store::as_text(r, "subject"),
                                   store::as_text(r, "body_text"), store::as_text(r, "body_html"),
                                   store::as_text(r, "message_id"), {}});
        for (auto& mail : claim.mails) {
            const long long outbox_id = mail.id;
            store::for_each_row(
                sql,
                "SELECT file_name, media_type, content_base64 FROM outbox_attachments WHERE outbox_id = :o ORDER BY id",
                [&](const soci::row& r) {
                    mail.attachments.push_back({store::as_text(r, "file_name"), store::as_text(r, "media_type"),
                                                base64_decode(store::as_text(r, "content_base64"))});
                },
                soci::use(outbox_id, "o"));
        }
        return Done{};
    });
    if (!done) return done.failure();
    // RETURNING gives no order; the oldest message goes first.
    std::sort(claim.mails.begin(), claim.mails.end(),
              [](const ClaimedMail& a, const ClaimedMail& b) { return a.id < b.id; });
    return claim;
}

Result<std::set<long long>> renew_claim(store::Database& db, OutboxClaim& claim, std::int64_t now) {
    std::set<long long> held;
    const long long until = now + outbox_lease_seconds;
    auto done = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        soci::rowset<soci::row> rows =
            (sql.prepare << "UPDATE outbox SET locked_until = :until WHERE claim_token = :token AND sent_at IS NULL "
                            "RETURNING id",
             soci::use(until, "until"), soci::use(claim.token, "token"));
        for (const auto& r : rows) held.insert(store::as_int(r, "id"));
        return Done{};
    });
    if (!done) return done.failure();
    claim.held_until = until;
    return held;
}

Status mark_sent(store::Database& db, long long id, std::int64_t now) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        // soci::use binds by reference: every bound value is a named variable.
        const long long sent_at = now, row = id;
        const std::string redacted = services::redacted_body;
        sql << "UPDATE outbox SET sent_at = :t, last_error = '', body_text = :redacted, body_html = '', "
               "claim_token = '' WHERE id = :id",
            soci::use(sent_at, "t"), soci::use(redacted, "redacted"), soci::use(row, "id");
        sql << "DELETE FROM outbox_attachments WHERE outbox_id = :id", soci::use(row, "id");
        return Done{};
    });
}

Status mark_failed(store::Database& db, const OutboxClaim& claim, long long id, const std::string& error,
                   std::int64_t now) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const long long retry_at = now + outbox_retry_seconds, row = id;
        const int max_attempts = outbox_max_attempts;
        const std::string redacted = services::redacted_body;
        sql << "UPDATE outbox SET last_error = :e, locked_until = :u, claim_token = '', "
               "body_text = CASE WHEN attempts >= :max THEN :redacted ELSE body_text END, "
               "body_html = CASE WHEN attempts >= :max2 THEN '' ELSE body_html END "
               "WHERE id = :id AND claim_token = :token AND sent_at IS NULL",
            soci::use(error, "e"), soci::use(retry_at, "u"), soci::use(max_attempts, "max"),
            soci::use(redacted, "redacted"), soci::use(max_attempts, "max2"), soci::use(row, "id"),
            soci::use(claim.token, "token");
        sql << "DELETE FROM outbox_attachments WHERE outbox_id IN "
               "(SELECT id FROM outbox WHERE id = :id AND sent_at IS NULL AND attempts >= :max)",
            soci::use(row, "id"), soci::use(max_attempts, "max");
        return Done{};
    });
}

}  // namespace ateliers::jobs
