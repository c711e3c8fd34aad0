#include "features/registration/store/seat_alerts.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

bool colleague_holds_place(soci::session& sql, long long cycle_id, long long user_id,
                           const std::string& collectivite_id) {
    long long held = 0;
    sql << "SELECT COUNT(*) FROM registrations WHERE cycle_id = :c AND collectivite_slot = :k AND user_id <> :u",
        soci::use(cycle_id, "c"), soci::use(collectivite_id, "k"), soci::use(user_id, "u"), soci::into(held);
    return held > 0;
}

bool seat_alert_pending(soci::session& sql, long long cycle_id, long long user_id) {
    long long asked = 0;
    sql << "SELECT COUNT(*) FROM seat_alerts WHERE cycle_id = :c AND user_id = :u AND notified_at IS NULL",
        soci::use(cycle_id, "c"), soci::use(user_id, "u"), soci::into(asked);
    return asked > 0;
}

void upsert_seat_alert(soci::session& sql, long long cycle_id, long long user_id, const std::string& collectivite_id,
                       long long now) {
    sql << "INSERT INTO seat_alerts (cycle_id, user_id, collectivite_id, created_at) VALUES (:c, :u, :k, :t) "
           "ON CONFLICT (cycle_id, user_id) DO UPDATE SET collectivite_id = excluded.collectivite_id, "
           "created_at = excluded.created_at, notified_at = NULL",
        soci::use(cycle_id, "c"), soci::use(user_id, "u"), soci::use(collectivite_id, "k"), soci::use(now, "t");
}

std::vector<SeatAlertRow> alerts_to_send(soci::session& sql, long long cycle_id, const std::string& collectivite_id) {
    std::vector<SeatAlertRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT a.id, u.email, u.full_name FROM seat_alerts a JOIN users u ON u.id = a.user_id "
                        "WHERE a.cycle_id = :c AND a.collectivite_id = :k AND a.notified_at IS NULL "
                        "AND NOT EXISTS (SELECT 1 FROM registrations r WHERE r.cycle_id = a.cycle_id "
                        "AND r.user_id = a.user_id AND r.status IN ('applied', 'confirmed', 'waiting')) "
                        "ORDER BY a.created_at, a.id",
         soci::use(cycle_id, "c"), soci::use(collectivite_id, "k"));
    for (const auto& r : rows) out.push_back({as_int(r, "id"), as_text(r, "email"), as_text(r, "full_name")});
    return out;
}

void mark_seat_alert_sent(soci::session& sql, long long alert_id, long long now) {
    sql << "UPDATE seat_alerts SET notified_at = :t WHERE id = :id", soci::use(now), soci::use(alert_id);
}

}  // namespace ateliers::store
