#include "features/events/services/event_reminders.hpp"

#include "features/events/domain/reminder_rules.hpp"
#include "features/events/services/event_own_programme.hpp"
#include "features/events/store/event_registrations.hpp"
#include "features/events/store/event_reminders.hpp"
#include "features/events/store/events.hpp"
#include "platform/core/paris_time.hpp"

namespace ateliers::jobs {

namespace {

services::Mail reminder_mail(events::EventReminder kind, const store::EventRow& e, const store::EventRegistrationRow& r,
                             const std::string& programme, const services::MailContext& mail) {
    const auto page = mail.base_url + "/evenements/" + e.slug;
    const auto when = paris_time::long_date(e.starts_at) + " à " + paris_time::time_of_day(e.starts_at);
    return services::compose_mail(
        r.email,
        std::string(kind == events::EventReminder::day_before ? "Demain : " : "Dans une semaine : ") + e.title,
        "Bonjour " + r.full_name + ",",
        {"« " + e.title + " » commence le " + when + (e.venue.empty() ? "" : ", " + e.venue) +
             (e.address.empty() ? "" : " (" + e.address + ")") + ".",
         "Votre programme :\n" + programme,
         "Votre billet (code QR à présenter à l’accueil) et votre badge sont sur la page de l’événement, rubrique "
         "« Mon billet ». Vos choix d’ateliers restent modifiables jusqu’au début de l’événement.",
         "Le programme au format calendrier : " + page + "/programme.ics"},
        "Voir l’événement et mon billet", page + "#mon-billet");
}

}  // namespace

Result<int> queue_event_reminders(store::Database& db, std::int64_t now, const services::MailContext& mail) {
    int queued = 0;
    auto done = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        for (const auto& e : store::list_events(sql, false)) {
            const auto kind = events::due_event_reminder(e.starts_at, now);
            if (!kind) continue;
            const auto items = store::event_items(sql, e.id);
            const auto slots = store::event_slots(sql, e.id);
            for (const auto& r : store::event_registrations(sql, e.id, false)) {
                if (r.status != "confirmed") continue;
                if (!store::claim_event_reminder(sql, r.id, events::event_reminder_code(*kind), now)) continue;
                const auto programme =
                    services::own_programme_text(items, slots, store::registration_choices(sql, r.id));
                services::enqueue_mail(sql, reminder_mail(*kind, e, r, programme, mail));
                ++queued;
            }
        }
        return Done{};
    });
    if (!done) return done.failure();
    return queued;
}

}  // namespace ateliers::jobs
