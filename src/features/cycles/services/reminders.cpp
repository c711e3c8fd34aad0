#include "features/cycles/services/reminders.hpp"

#include "platform/core/paris_time.hpp"
#include "features/cycles/domain/reminders.hpp"
#include "features/cycles/store/reminders.hpp"

namespace ateliers::jobs {

namespace {

services::Mail reminder_mail(reminders::Kind kind, const store::ReminderTarget& r, const services::MailContext& mail) {
    const auto starts = r.starts_at;
    const auto when = paris_time::long_date(starts) + " de " + paris_time::time_of_day(starts) + " à " +
                      paris_time::time_of_day(r.ends_at);
    const auto subject = std::string(kind == reminders::Kind::two_days ? "Rappel : atelier " : "Dans une heure : atelier ") +
                         r.session_number + " – " + r.cycle_title;
    return services::compose_mail(
        r.email, subject, "Bonjour " + r.full_name + ",",
        {"La séance " + r.session_number + " du cycle « " + r.cycle_title + " » a lieu le " + when + ".",
         "Pensez à activer caméra et micro, et à avoir en tête la situation que vous partagez avec le groupe.",
         "Lien de connexion à la visioconférence : " + r.visio_url},
        "Rejoindre la visioconférence", r.visio_url.empty() ? mail.base_url + "/espace" : r.visio_url);
}

}  // namespace

Result<int> queue_due_reminders(store::Database& db, std::int64_t now_utc, const services::MailContext& mail) {
    int queued = 0;
    auto done = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const long long now = now_utc;
        const long long horizon = now_utc + 2 * 86400;
        std::vector<std::tuple<long long, long long, std::string, services::Mail>> to_queue;
        for (const auto& r : store::reminder_targets(sql, now, horizon)) {
            const auto kind = reminders::due(r.starts_at, now_utc);
            if (!kind) continue;
            to_queue.emplace_back(r.session_id, r.registration_id, reminders::kind_code(*kind),
                                  reminder_mail(*kind, r, mail));
        }
        for (const auto& [session_id, registration_id, kind, message] : to_queue) {
            if (store::reminder_sent(sql, session_id, registration_id, kind)) continue;
            store::record_reminder(sql, session_id, registration_id, kind, now);
            services::enqueue_mail(sql, message);
            ++queued;
        }
        return Done{};
    });
    if (!done) return done.failure();
    return queued;
}

}  // namespace ateliers::jobs
