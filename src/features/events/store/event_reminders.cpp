#include "features/events/store/event_reminders.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

bool claim_event_reminder(soci::session& sql, long long registration_id, const std::string& kind, long long now) {
    long long claimed = 0;
    soci::indicator ind = soci::i_null;
    execute(sql,
            "INSERT INTO event_reminders (registration_id, kind, sent_at) VALUES (:r, :k, :t) "
            "ON CONFLICT (registration_id, kind) DO NOTHING RETURNING registration_id",
            soci::use(registration_id), soci::use(kind), soci::use(now), soci::into(claimed, ind));
    return ind == soci::i_ok && claimed == registration_id;
}

std::set<long long> claimed_event_reminders(soci::session& sql, long long event_id, const std::string& kind) {
    std::set<long long> out;
    for_each_row(
        sql,
        "SELECT m.registration_id AS registration_id FROM event_reminders m "
        "JOIN event_registrations r ON r.id = m.registration_id WHERE r.event_id = :e AND m.kind = :k",
        [&](const soci::row& r) { out.insert(as_int(r, "registration_id")); }, soci::use(event_id), soci::use(kind));
    return out;
}

}  // namespace ateliers::store
