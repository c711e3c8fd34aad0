#include "features/cycles/store/reminders.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

std::vector<ReminderTarget> reminder_targets(soci::session& sql, long long from, long long to) {
    std::vector<ReminderTarget> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT s.id AS session_id, r.id AS registration_id, s.starts_at, s.ends_at, s.visio_url, "
                        "s.number, c.title, c.slug, u.email, "
                        "u.full_name FROM cycle_sessions s JOIN cycles c ON c.id = s.cycle_id "
                        "JOIN registrations r ON r.cycle_id = c.id AND r.status = 'confirmed' "
                        "JOIN users u ON u.id = r.user_id WHERE s.starts_at > :now AND s.starts_at <= :horizon "
                        "AND c.status = 'published'",
         soci::use(from, "now"), soci::use(to, "horizon"));
    for (const auto& r : rows) {
        ReminderTarget t;
        t.session_id = as_int(r, "session_id");
        t.registration_id = as_int(r, "registration_id");
        t.starts_at = as_int(r, "starts_at");
        t.ends_at = as_int(r, "ends_at");
        t.visio_url = as_text(r, "visio_url");
        t.session_number = as_text(r, "number");
        t.cycle_title = as_text(r, "title");
        t.cycle_slug = as_text(r, "slug");
        t.email = as_text(r, "email");
        t.full_name = as_text(r, "full_name");
        out.push_back(std::move(t));
    }
    return out;
}

bool reminder_sent(soci::session& sql, long long session_id, long long registration_id, const std::string& kind) {
    long long already = 0;
    sql << "SELECT COUNT(*) FROM session_reminders WHERE session_id = :s AND registration_id = :r AND kind = :k",
        soci::use(session_id), soci::use(registration_id), soci::use(kind), soci::into(already);
    return already > 0;
}

void record_reminder(soci::session& sql, long long session_id, long long registration_id, const std::string& kind,
                     long long sent_at) {
    sql << "INSERT INTO session_reminders (session_id, registration_id, kind, sent_at) VALUES (:s, :r, :k, :t)",
        soci::use(session_id), soci::use(registration_id), soci::use(kind), soci::use(sent_at);
}

}  // namespace ateliers::store
