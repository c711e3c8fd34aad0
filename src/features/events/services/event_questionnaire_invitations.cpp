#include "features/events/services/event_questionnaire.hpp"
#include "features/events/store/event_checkins.hpp"
#include "features/events/store/event_registrations.hpp"
#include "features/events/store/event_reminders.hpp"
#include "platform/core/paris_time.hpp"

namespace ateliers::jobs {

namespace {

// Stored in event_reminders beside "j-7" and "j-1": the same claim makes it once.
constexpr const char* invitation_kind = "questionnaire";

services::Mail invitation_mail(const store::EventRow& e, const store::EventRegistrationRow& r, const services::MailContext& mail) {
    const auto link = mail.base_url + "/evenements/" + e.slug + "/questionnaire";
    return services::compose_mail(
        r.email, "Votre avis sur « " + e.title + " »", "Bonjour " + r.full_name + ",",
        {"Merci d’être venu·e à « " + e.title + " ». Quatre questions courtes (une note, l’atelier le plus utile, ce "
         "que vous comptez faire ensuite, un commentaire libre) aideront les organisateurs à préparer la suite.",
         "Vous pouvez répondre, puis modifier vos réponses, jusqu’au " +
             paris_time::long_date(events::questionnaire_closes_at(e.ends_at)) + "."},
        "Répondre au questionnaire", link);
}

}  // namespace

Result<int> queue_questionnaire_invitations(store::Database& db, std::int64_t now, const services::MailContext& mail) {
    int queued = 0;
    auto done = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        for (const auto& e : store::list_events(sql, false)) {
            if (e.ends_at > now || now >= events::questionnaire_closes_at(e.ends_at)) continue;
            const auto checkins = store::event_checkin_times(sql, e.id);
            const auto invited = store::claimed_event_reminders(sql, e.id, invitation_kind);
            for (const auto& r : store::event_registrations(sql, e.id, false)) {
                if (invited.count(r.id)) continue;
                const events::Attendee a{r.status == "confirmed", checkins.count(r.id) > 0, r.attendance == "online"};
                if (!events::asked_to_answer(a, !checkins.empty())) continue;
                if (!store::claim_event_reminder(sql, r.id, invitation_kind, now)) continue;  // another worker was first
                services::enqueue_mail(sql, invitation_mail(e, r, mail));
                ++queued;
            }
        }
        return Done{};
    });
    if (!done) return done.failure();
    return queued;
}

}  // namespace ateliers::jobs
