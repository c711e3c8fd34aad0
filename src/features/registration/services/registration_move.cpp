#include "features/registration/services/registration_move.hpp"

#include "features/cycles/store/cycles.hpp"
#include "features/registration/services/seat_alerts.hpp"
#include "features/registration/store/registration_on_behalf.hpp"
#include "features/registration/store/registrations.hpp"
#include "features/registration/store/waiting_list.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/permissions.hpp"

namespace ateliers::services {

namespace {

using RegStatus = registration::Status;

Failure refused(const std::string& message, FailureKind kind = FailureKind::conflict, const std::string& field = "to") {
    Failure f = fail(message, field, kind);
    f.fields[field] = message;
    return f;
}

std::string status_sentence(RegStatus status, int position) {
    if (status == RegStatus::confirmed) return "Votre place y est confirmée.";
    if (status == RegStatus::waiting)
        return "Le cycle est complet : vous êtes en liste d’attente, en position " + std::to_string(position) + ".";
    return "Votre candidature y sera examinée par l’équipe.";
}

}  // namespace

Result<RegistrationOutcome> move_registration(store::Database& db, const CurrentUser& organiser,
                                              long long registration_id, const std::string& to_cycle_slug,
                                              const MailContext& mail) {
    if (!permissions::can_organise(organiser))
        return fail("Seule l’équipe d’organisation déplace une inscription.", {}, FailureKind::forbidden);
    if (to_cycle_slug.empty()) return refused("Choisissez le cycle où déplacer l’inscription.", FailureKind::invalid);
    return store::in_transaction<RegistrationOutcome>(db, [&](soci::session& sql) -> Result<RegistrationOutcome> {
        const auto r = store::movable_registration(sql, registration_id);
        if (!r) return fail("Inscription introuvable.", {}, FailureKind::not_found);
        RegStatus old_status;
        registration::parse_status(r->status, old_status);
        if (!registration::is_active(old_status))
            return refused("Cette inscription est annulée ou close : elle ne se déplace pas.");
        const auto target_peek = store::find_cycle(sql, db.dialect(), to_cycle_slug, false);
        if (!target_peek || target_peek->status != CycleStatus::published)
            return refused("Choisissez un cycle publié.", FailureKind::invalid);
        if (target_peek->id == r->cycle_id) return refused("L’inscription est déjà dans ce cycle.", FailureKind::invalid);
        // Both cycles are locked, lower id first, so that two opposite moves cannot deadlock.
        const long long first = std::min(r->cycle_id, target_peek->id), second = std::max(r->cycle_id, target_peek->id);
        store::find_cycle_by_id(sql, db.dialect(), first, true);
        store::find_cycle_by_id(sql, db.dialect(), second, true);
        const auto from = store::find_cycle_by_id(sql, db.dialect(), r->cycle_id, false);
        const auto to = store::find_cycle_by_id(sql, db.dialect(), target_peek->id, false);
        const long long arrival = store::now_utc_millis();
        const auto place = store::place_check(sql, to->id, r->user_id, r->collectivite_id, arrival);
        if (place.person_registered) return refused(r->full_name + " est déjà inscrite à ce cycle.");
        if (place.collectivite_place_held)
            return refused("Une personne de la même collectivité est déjà inscrite à ce cycle : une seule inscription par "
                           "collectivité.");
        const long long now = store::now_utc_seconds();
        store::cancel_registration(sql, r->id, now);
        if (old_status == RegStatus::confirmed) promote_waiting(sql, r->cycle_id, mail);
        if (!r->collectivite_slot.empty()) notify_seat_alerts(sql, r->cycle_id, r->collectivite_slot, mail);

        // Cancelling in the other cycle leaves this one's count as place_check read it.
        const RegStatus status = registration::initial_status(to->mode, to->capacity, place.confirmed);
        store::NewRegistration row;
        row.cycle_id = to->id;
        row.user_id = r->user_id;
        row.collectivite_id = r->collectivite_id;
        if (status == RegStatus::confirmed) {
            const auto free = registration::free_seat(to->capacity, store::taken_seats(sql, to->id));
            if (!free) return refused("Ce cycle vient d’être complet : réessayez.");
            row.seat = *free;
        }
        if (registration::holds_collectivite_place(to->mode, status)) row.collectivite_slot = r->collectivite_id;
        row.situation = r->situation;
        row.function_title = r->function_title;
        row.mandate = r->mandate;
        row.status = registration::status_code(status);
        row.arrival = arrival;
        row.now = now;
        if (to->mode == registration::Mode::application)
            row.choice_rank = store::pending_applications_in_round(sql, r->user_id, to->closes_at);
        RegistrationOutcome out;
        out.registration_id = store::insert_registration(sql, row);
        out.status = status;
        if (status == RegStatus::waiting) out.waiting_position = place.waiting_position;
        store::mark_registered_by_team(sql, out.registration_id, organiser.id);
        enqueue_mail(sql, compose_mail(r->email, "Votre inscription est déplacée au cycle « " + to->title + " »",
                                       "Bonjour " + r->full_name + ",",
                                       {"L’équipe d’organisation a déplacé votre inscription du cycle « " +
                                            (from ? from->title : std::string()) + " » au cycle « " + to->title + " ».",
                                        status_sentence(status, out.waiting_position)},
                                       "Voir mes inscriptions", mail.base_url + "/espace"));
        record_audit(sql, organiser.id, "registration.move", "registration:" + std::to_string(out.registration_id),
                     "Inscription déplacée : " + r->full_name + " de « " + (from ? from->title : std::string()) +
                         " » à « " + to->title + " »");
        return out;
    });
}

}  // namespace ateliers::services
