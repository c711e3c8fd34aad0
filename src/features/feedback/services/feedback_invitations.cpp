#include "features/feedback/services/feedback_invitations.hpp"

#include <vector>

#include "features/feedback/domain/feedback_rules.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::jobs {

namespace {

struct Invitation {
    long long registration_id = 0;
    std::string email, full_name, cycle_title;
};

services::Mail invitation_mail(const Invitation& i, const services::MailContext& mail) {
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
        std::vector<Invitation> due;
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT r.id, u.email, u.full_name, c.title FROM registrations r "
                            "JOIN cycles c ON c.id = r.cycle_id JOIN users u ON u.id = r.user_id "
                            "WHERE r.status = 'confirmed' AND r.feedback_requested_at IS NULL AND c.status <> 'draft' "
                            "AND (SELECT MAX(s.ends_at) FROM cycle_sessions s WHERE s.cycle_id = c.id) <= :now "
                            "AND (SELECT MAX(s.ends_at) FROM cycle_sessions s WHERE s.cycle_id = c.id) > :oldest "
                            "ORDER BY r.id",
             soci::use(now, "now"), soci::use(oldest_end, "oldest"));
        for (const auto& r : rows)
            due.push_back({store::as_int(r, 0), store::as_text(r, 1), store::as_text(r, 2), store::as_text(r, 3)});
        for (const auto& i : due) {
            // Conditional update: on PostgreSQL a second worker waits on the row lock, then
            // finds the column set and skips the registration.
            soci::statement mark =
                (sql.prepare << "UPDATE registrations SET feedback_requested_at = :t WHERE id = :id "
                                "AND feedback_requested_at IS NULL",
                 soci::use(now), soci::use(i.registration_id));
            mark.execute(true);
            if (mark.get_affected_rows() != 1) continue;
            services::enqueue_mail(sql, invitation_mail(i, mail));
            ++queued;
        }
        return Done{};
    });
    if (!done) return done.failure();
    return queued;
}

}  // namespace ateliers::jobs
