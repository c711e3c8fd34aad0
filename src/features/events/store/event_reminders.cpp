#include "features/events/store/event_reminders.hpp"

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

}  // namespace ateliers::store
