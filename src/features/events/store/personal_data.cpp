#include "features/events/store/personal_data.hpp"

#include "platform/privacy/data_table.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::store {

std::vector<privacy::DataTable> event_personal_tables(soci::session& sql, long long user_id) {
    return {privacy::query_table(
                sql, "inscriptions_evenements", "Inscriptions aux événements",
                "SELECT e.title AS event, r.organisation AS organisation, r.function_title AS function_title, "
                "CASE r.attendance WHEN 'online' THEN 'en ligne' ELSE 'sur place' END AS attendance, "
                "r.meals AS meals, r.accessibility AS accessibility, "
                "CASE WHEN r.public_listing = 1 THEN 'oui' ELSE 'non' END AS public_listing, r.status AS status, "
                "r.created_at AS created_at, c.checked_in_at AS checked_in_at FROM event_registrations r "
                "JOIN events e ON e.id = r.event_id LEFT JOIN event_checkins c ON c.registration_id = r.id "
                "WHERE r.user_id = :id ORDER BY r.created_at, r.id",
                user_id,
                {{"event", "Événement"},
                 {"organisation", "Organisation"},
                 {"function_title", "Fonction"},
                 {"attendance", "Participation"},
                 {"meals", "Repas"},
                 {"accessibility", "Besoins d’accessibilité"},
                 {"public_listing", "Dans la liste publique"},
                 {"status", "État"},
                 {"created_at", "Inscrit·e le", true},
                 {"checked_in_at", "Accueilli·e le", true}}),
            privacy::query_table(sql, "ateliers_choisis", "Ateliers choisis aux événements",
                                 "SELECT e.title AS event, i.title AS item, ch.status AS status "
                                 "FROM event_choices ch JOIN event_registrations r ON r.id = ch.registration_id "
                                 "JOIN events e ON e.id = r.event_id JOIN event_items i ON i.id = ch.item_id "
                                 "WHERE r.user_id = :id ORDER BY e.starts_at, i.starts_at",
                                 user_id, {{"event", "Événement"}, {"item", "Atelier"}, {"status", "État"}}),
            privacy::query_table(sql, "avis_evenements", "Avis donnés après les événements",
                                 "SELECT e.title AS event, a.rating AS rating, COALESCE(i.title, '') AS item, "
                                 "a.next_step AS next_step, a.comment AS comment, a.updated_at AS updated_at "
                                 "FROM event_questionnaire_answers a JOIN event_registrations r ON r.id = a.registration_id "
                                 "JOIN events e ON e.id = r.event_id LEFT JOIN event_items i ON i.id = a.useful_item_id "
                                 "WHERE r.user_id = :id ORDER BY e.starts_at",
                                 user_id,
                                 {{"event", "Événement"},
                                  {"rating", "Note globale (1 à 5)"},
                                  {"item", "Atelier le plus utile"},
                                  {"next_step", "Et après"},
                                  {"comment", "Commentaire"},
                                  {"updated_at", "Répondu le", true}})};
}

std::vector<std::string> events_still_ahead_for(soci::session& sql, long long user_id, std::int64_t now) {
    std::vector<std::string> titles;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT e.title AS title FROM event_registrations r JOIN events e ON e.id = r.event_id "
                        "WHERE r.user_id = :u AND r.status IN ('confirmed', 'waiting') AND e.ends_at > :t "
                        "ORDER BY e.starts_at",
         soci::use(user_id, "u"), soci::use(now, "t"));
    for (const auto& r : rows) titles.push_back(as_text(r, "title"));
    return titles;
}

void forget_event_texts(soci::session& sql, long long user_id) {
    sql << "UPDATE event_registrations SET organisation = '', function_title = '', meals = '', accessibility = '', "
           "public_listing = 0 WHERE user_id = :u",
        soci::use(user_id);
    // The questionnaire's free comment goes too; the rating and choices stay for the bilan.
    sql << "UPDATE event_questionnaire_answers SET comment = '' WHERE registration_id IN "
           "(SELECT id FROM event_registrations WHERE user_id = :u)",
        soci::use(user_id);
}

int expire_event_texts(soci::session& sql, std::int64_t ended_before) {
    const std::string which =
        " WHERE (function_title <> '' OR accessibility <> '' OR public_listing <> 0) AND event_id IN "
        "(SELECT id FROM events WHERE ends_at < :ended_before)";
    long long due = 0;
    sql << "SELECT COUNT(*) FROM event_registrations" + which, soci::use(ended_before, "ended_before"),
        soci::into(due);
    if (due > 0)
        sql << "UPDATE event_registrations SET function_title = '', accessibility = '', public_listing = 0" + which,
            soci::use(ended_before, "ended_before");
    return static_cast<int>(due);
}

}  // namespace ateliers::store
