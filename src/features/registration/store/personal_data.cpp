#include "features/registration/store/personal_data.hpp"

#include "features/registration/domain/registration_rules.hpp"
#include "platform/privacy/data_table.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::store {

std::vector<privacy::DataTable> registration_personal_tables(soci::session& sql, long long user_id) {
    return {privacy::query_table(
                sql, "inscriptions_cycles", "Inscriptions aux cycles d’ateliers",
                "SELECT c.title AS cycle, COALESCE(k.name, '') AS collectivite, r.mandate AS mandate, "
                "r.function_title AS function_title, r.situation AS situation, r.status AS status, "
                "r.created_at AS created_at, r.updated_at AS updated_at FROM registrations r "
                "JOIN cycles c ON c.id = r.cycle_id LEFT JOIN collectivites k ON k.id = r.collectivite_id "
                "WHERE r.user_id = :id ORDER BY r.created_at, r.id",
                user_id,
                {{"cycle", "Cycle"},
                 {"collectivite", "Collectivité"},
                 {"mandate", "Élu ou agent"},
                 {"function_title", "Fonction"},
                 {"situation", "Situation partagée"},
                 {"status", "État", false,
                  [](const std::string& code) {
                      registration::Status status;
                      return registration::parse_status(code, status) ? registration::status_label(status) : code;
                  }},
                 {"created_at", "Inscrit·e le", true},
                 {"updated_at", "Mis à jour le", true}}),
            privacy::query_table(sql, "alertes_places", "Alertes « une place se libère »",
                                 "SELECT c.title AS cycle, a.created_at AS created_at, a.notified_at AS notified_at "
                                 "FROM seat_alerts a JOIN cycles c ON c.id = a.cycle_id WHERE a.user_id = :id "
                                 "ORDER BY a.id",
                                 user_id,
                                 {{"cycle", "Cycle"},
                                  {"created_at", "Demandée le", true},
                                  {"notified_at", "Prévenu·e le", true}})};
}

std::vector<std::string> cycles_still_running_for(soci::session& sql, long long user_id, std::int64_t now) {
    std::vector<std::string> titles;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT c.title AS title FROM registrations r JOIN cycles c ON c.id = r.cycle_id "
                        "WHERE r.user_id = :u AND r.status IN ('applied', 'confirmed', 'waiting') "
                        "AND EXISTS (SELECT 1 FROM cycle_sessions s WHERE s.cycle_id = c.id AND s.ends_at > :t) "
                        "ORDER BY c.title",
         soci::use(user_id, "u"), soci::use(now, "t"));
    for (const auto& r : rows) titles.push_back(as_text(r, "title"));
    return titles;
}

void forget_registration_texts(soci::session& sql, long long user_id) {
    sql << "UPDATE registrations SET situation = '', function_title = '' WHERE user_id = :u", soci::use(user_id);
    sql << "DELETE FROM seat_alerts WHERE user_id = :u", soci::use(user_id);
}

int expire_registration_texts(soci::session& sql, std::int64_t ended_before) {
    const std::string which = std::string(" WHERE (situation <> '' OR function_title <> '') AND id IN (") +
                              registrations_of_cycles_ended_before + ")";
    long long due = 0;
    // Read first: most passes find nothing, and a read takes no write lock.
    sql << "SELECT COUNT(*) FROM registrations" + which, soci::use(ended_before, "ended_before"), soci::into(due);
    if (due == 0) return 0;
    sql << "UPDATE registrations SET situation = '', function_title = ''" + which,
        soci::use(ended_before, "ended_before");
    return static_cast<int>(due);
}

}  // namespace ateliers::store
