#include "features/cycles/services/reminders.hpp"

#include "platform/core/paris_time.hpp"
#include "features/cycles/domain/reminders.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::jobs {

namespace {

services::Mail reminder_mail(reminders::Kind kind, const soci::row& r, const services::MailContext& mail) {
    // Columns: session, registration, starts, ends, visio, number, cycle title, slug, email, name.
    using store::as_int;
    using store::as_text;
    const auto starts = as_int(r, 2);
    const auto when = paris_time::long_date(starts) + " de " + paris_time::time_of_day(starts) + " à " +
                      paris_time::time_of_day(as_int(r, 3));
    const auto subject = std::string(kind == reminders::Kind::two_days ? "Rappel : atelier " : "Dans une heure : atelier ") +
                         as_text(r, 5) + " – " + as_text(r, 6);
    return services::compose_mail(
        as_text(r, 8), subject, "Bonjour " + as_text(r, 9) + ",",
        {"La séance " + as_text(r, 5) + " du cycle « " + as_text(r, 6) + " » a lieu le " + when + ".",
         "Pensez à activer caméra et micro, et à avoir en tête la situation que vous partagez avec le groupe.",
         "Lien de connexion à la visioconférence : " + as_text(r, 4)},
        "Rejoindre la visioconférence", as_text(r, 4).empty() ? mail.base_url + "/espace" : as_text(r, 4));
}

}  // namespace

Result<int> queue_due_reminders(store::Database& db, std::int64_t now_utc, const services::MailContext& mail) {
    int queued = 0;
    auto done = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const long long now = now_utc;
        const long long horizon = now_utc + 2 * 86400;
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT s.id, r.id, s.starts_at, s.ends_at, s.visio_url, s.number, c.title, c.slug, u.email, "
                            "u.full_name FROM cycle_sessions s JOIN cycles c ON c.id = s.cycle_id "
                            "JOIN registrations r ON r.cycle_id = c.id AND r.status = 'confirmed' "
                            "JOIN users u ON u.id = r.user_id WHERE s.starts_at > :now AND s.starts_at <= :horizon "
                            "AND c.status = 'published'",
             soci::use(now, "now"), soci::use(horizon, "horizon"));
        std::vector<std::tuple<long long, long long, std::string, services::Mail>> to_queue;
        for (const auto& r : rows) {
            const auto kind = reminders::due(store::as_int(r, 2), now_utc);
            if (!kind) continue;
            to_queue.emplace_back(store::as_int(r, 0), store::as_int(r, 1), reminders::kind_code(*kind),
                                  reminder_mail(*kind, r, mail));
        }
        for (const auto& [session_id, registration_id, kind, message] : to_queue) {
            long long already = 0;
            sql << "SELECT COUNT(*) FROM session_reminders WHERE session_id = :s AND registration_id = :r AND kind = :k",
                soci::use(session_id), soci::use(registration_id), soci::use(kind), soci::into(already);
            if (already > 0) continue;
            sql << "INSERT INTO session_reminders (session_id, registration_id, kind, sent_at) VALUES (:s, :r, :k, :t)",
                soci::use(session_id), soci::use(registration_id), soci::use(kind), soci::use(now);
            services::enqueue_mail(sql, message);
            ++queued;
        }
        return Done{};
    });
    if (!done) return done.failure();
    return queued;
}

}  // namespace ateliers::jobs
