#include "features/feedback/services/feedback_invitations.hpp"

#include <vector>

#include "features/feedback/domain/feedback_rules.hpp"
#include "features/feedback/store/feedback.hpp"

namespace ateliers::jobs {

namespace {

services::Mail invitation_mail(const store::InvitationRow& i, const services::MailContext& mail) {
    return services::compose_mail(
        i.email, "Votre avis sur le cycle « " + i.cycle_title + " »", "Bonjour " + i.full_name + ",",
        {"Le cycle « " + i.cycle_title + " » est terminé : merci pour votre participation et pour ce que vous avez "
         "partagé avec le groupe.",
         "Pour améliorer les prochains cycles, nous aimerions connaître votre avis : quatre questions, deux minutes.",
         "Si vous le souhaitez, vous pourrez aussi laisser un témoignage. Il ne sera publié sur le site qu’avec votre "
         "accord explicite, et vous pourrez le retirer à tout moment."},
        "Donner mon avis", mail.base_url + "/espace/questionnaire/" + std::to_string(i.registration_id));
}

}  // namespace

Result<int> queue_feedback_invitations(store::Database& db, std::int64_t now_utc, const services::MailContext& mail) {
    int queued = 0;
    auto done = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const long long now = now_utc;
        const long long oldest_end = now_utc - feedback::invitation_window_seconds;
        const auto due = store::invitations_due(sql, now, oldest_end);
        for (const auto& i : due) {
            // Conditional update: on PostgreSQL a second worker waits on the row lock, then
            // finds the column set and skips the registration.
            if (!store::mark_feedback_requested(sql, i.registration_id, now)) continue;
            services::enqueue_mail(sql, invitation_mail(i, mail));
            ++queued;
        }
        return Done{};
    });
    if (!done) return done.failure();
    return queued;
}

}  // namespace ateliers::jobs
