#include "features/registration/services/seat_alerts.hpp"

#include "features/registration/domain/registration_rules.hpp"
#include "features/cycles/store/cycles.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::services {

namespace {

using store::as_int;
using store::as_text;

bool colleague_holds_place(soci::session& sql, long long cycle_id, long long user_id,
                           const std::string& collectivite_id) {
    long long held = 0;
    sql << "SELECT COUNT(*) FROM registrations WHERE cycle_id = :c AND collectivite_slot = :k AND user_id <> :u",
        soci::use(cycle_id, "c"), soci::use(collectivite_id, "k"), soci::use(user_id, "u"), soci::into(held);
    return held > 0;
}

}  // namespace

Result<CollectivitePlace> collectivite_place(store::Database& db, long long cycle_id, const CurrentUser& user) {
    if (user.collectivite_id.empty()) return CollectivitePlace{};
    try {
        return store::with_session(db, [&](soci::session& sql) {
            CollectivitePlace place;
            place.held_by_colleague = colleague_holds_place(sql, cycle_id, user.id, user.collectivite_id);
            if (place.held_by_colleague) {
                long long asked = 0;
                sql << "SELECT COUNT(*) FROM seat_alerts WHERE cycle_id = :c AND user_id = :u AND notified_at IS NULL",
                    soci::use(cycle_id, "c"), soci::use(user.id, "u"), soci::into(asked);
                place.alert_requested = asked > 0;
            }
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
        if (!cycle || cycle->status != "published") return fail("Ce cycle n’existe pas ou n’est plus publié.", {}, FailureKind::not_found);
        if (!colleague_holds_place(sql, cycle->id, user.id, user.collectivite_id))
            return fail("La place de votre collectivité sur ce cycle est libre : vous pouvez vous inscrire.", {}, FailureKind::conflict);
        const long long now = store::now_utc_seconds();
        sql << "INSERT INTO seat_alerts (cycle_id, user_id, collectivite_id, created_at) VALUES (:c, :u, :k, :t) "
               "ON CONFLICT (cycle_id, user_id) DO UPDATE SET collectivite_id = excluded.collectivite_id, "
               "created_at = excluded.created_at, notified_at = NULL",
            soci::use(cycle->id, "c"), soci::use(user.id, "u"), soci::use(user.collectivite_id, "k"),
            soci::use(now, "t");
        return Done{};
    });
}

int notify_seat_alerts(soci::session& sql, long long cycle_id, const std::string& collectivite_id,
                       const MailContext& mail) {
    const auto cycle = store::find_cycle_by_id(sql, store::Dialect::sqlite, cycle_id, false);
    if (!cycle || cycle->status != "published") return 0;
    long long first_session_at = 0;
    soci::indicator first_ind = soci::i_null;
    sql << "SELECT MIN(starts_at) FROM cycle_sessions WHERE cycle_id = :c", soci::use(cycle_id),
        soci::into(first_session_at, first_ind);
    const long long now = store::now_utc_seconds();
    // A place nobody can take any more is no news.
    if (registration::window_state(cycle->opens_at, cycle->closes_at, first_ind == soci::i_ok ? first_session_at : 0,
                                   now) == registration::Window::closed)
        return 0;
    struct Waiting {
        long long id;
        std::string email, name;
    };
    std::vector<Waiting> waiting;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT a.id, u.email, u.full_name FROM seat_alerts a JOIN users u ON u.id = a.user_id "
                        "WHERE a.cycle_id = :c AND a.collectivite_id = :k AND a.notified_at IS NULL "
                        "AND NOT EXISTS (SELECT 1 FROM registrations r WHERE r.cycle_id = a.cycle_id "
                        "AND r.user_id = a.user_id AND r.status IN ('applied', 'confirmed', 'waiting')) "
                        "ORDER BY a.created_at, a.id",
         soci::use(cycle_id, "c"), soci::use(collectivite_id, "k"));
    for (const auto& r : rows) waiting.push_back({as_int(r, 0), as_text(r, 1), as_text(r, 2)});
    for (const auto& w : waiting) {
        enqueue_mail(sql, compose_mail(w.email, "Une place se libère pour votre collectivité – " + cycle->title,
                                       "Bonjour " + w.name + ",",
                                       {"La personne de votre collectivité inscrite au cycle d’ateliers « " +
                                            cycle->title + " » a annulé son inscription : votre collectivité peut "
                                            "de nouveau s’y inscrire.",
                                        "Une seule inscription par collectivité peut être retenue : si d’autres "
                                        "collègues ont aussi demandé à être prévenus, ils reçoivent le même "
                                        "message."},
                                       "S’inscrire au cycle", mail.base_url + "/cycles/" + cycle->slug));
        sql << "UPDATE seat_alerts SET notified_at = :t WHERE id = :id", soci::use(now), soci::use(w.id);
    }
    return static_cast<int>(waiting.size());
}

}  // namespace ateliers::services
