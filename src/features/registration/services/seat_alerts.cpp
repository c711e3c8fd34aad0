#include "features/registration/services/seat_alerts.hpp"

#include "features/registration/domain/registration_rules.hpp"
#include "features/cycles/store/cycles.hpp"
#include "features/registration/store/seat_alerts.hpp"

namespace ateliers::services {

Result<CollectivitePlace> collectivite_place(store::Database& db, long long cycle_id, const CurrentUser& user) {
    if (user.collectivite_id.empty()) return CollectivitePlace{};
    try {
        return store::with_session(db, [&](soci::session& sql) {
            CollectivitePlace place;
            place.held_by_colleague = store::colleague_holds_place(sql, cycle_id, user.id, user.collectivite_id);
            if (place.held_by_colleague) place.alert_requested = store::seat_alert_pending(sql, cycle_id, user.id);
            return place;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Status request_seat_alert(store::Database& db, const CurrentUser& user, const std::string& cycle_slug) {
    if (user.collectivite_id.empty())
        return fail("Indiquez d’abord votre collectivité dans votre profil (Mon espace).", {}, FailureKind::invalid);
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto cycle = store::find_cycle(sql, db.dialect(), cycle_slug, false);
        if (!cycle || cycle->status != CycleStatus::published) return fail("Ce cycle n’existe pas ou n’est plus publié.", {}, FailureKind::not_found);
        if (!store::colleague_holds_place(sql, cycle->id, user.id, user.collectivite_id))
            return fail("La place de votre collectivité sur ce cycle est libre : vous pouvez vous inscrire.", {}, FailureKind::conflict);
        const long long now = store::now_utc_seconds();
        store::upsert_seat_alert(sql, cycle->id, user.id, user.collectivite_id, now);
        return Done{};
    });
}

int notify_seat_alerts(soci::session& sql, long long cycle_id, const std::string& collectivite_id,
                       const MailContext& mail) {
    const auto cycle = store::find_cycle_by_id(sql, store::Dialect::sqlite, cycle_id, false);
    if (!cycle || cycle->status != CycleStatus::published) return 0;
    const auto first_session_at = store::first_session_start(sql, cycle_id);
    const long long now = store::now_utc_seconds();
    // A place nobody can take any more is no news.
    if (registration::window_state(cycle->opens_at, cycle->closes_at, first_session_at.value_or(0),
                                   now) == registration::Window::closed)
        return 0;
    const auto waiting = store::alerts_to_send(sql, cycle_id, collectivite_id);
    for (const auto& w : waiting) {
        enqueue_mail(sql, compose_mail(w.email, "Une place se libère pour votre collectivité – " + cycle->title,
                                       "Bonjour " + w.full_name + ",",
                                       {"La personne de votre collectivité inscrite au cycle d’ateliers « " +
                                            cycle->title + " » a annulé son inscription : votre collectivité peut "
                                            "de nouveau s’y inscrire.",
                                        "Une seule inscription par collectivité peut être retenue : si d’autres "
                                        "collègues ont aussi demandé à être prévenus, ils reçoivent le même "
                                        "message."},
                                       "S’inscrire au cycle", mail.base_url + "/cycles/" + cycle->slug));
        store::mark_seat_alert_sent(sql, w.id, now);
    }
    return static_cast<int>(waiting.size());
}

}  // namespace ateliers::services
