#include "features/programmes/store/reminders.hpp"

namespace ateliers::store {

bool programme_reminder_sent(soci::session& sql, const std::string& key) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM programme_reminders WHERE reminder_key = :k", soci::use(key), soci::into(n);
    return n > 0;
}

void record_programme_reminder(soci::session& sql, const std::string& key, long long now) {
    sql << "INSERT INTO programme_reminders (reminder_key, sent_at) VALUES (:k, :now)", soci::use(key), soci::use(now);
}

}  // namespace ateliers::store
