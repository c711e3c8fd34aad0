#include "features/programmes/store/personal_data.hpp"

#include "platform/privacy/data_table.hpp"

namespace ateliers::store {

std::vector<privacy::DataTable> programme_personal_tables(soci::session& sql, long long user_id) {
    return {privacy::query_table(
                sql, "programmes_membre", "Programmes d’accompagnement : rôles",
                "SELECT p.title AS programme, COALESCE(t.label, 'tout le programme') AS territory, "
                "CASE m.role WHEN 'territory_team' THEN 'équipe du territoire' WHEN 'provider' THEN 'prestataire' "
                "ELSE 'équipe du programme (ANCT)' END AS role, m.organisation AS organisation, "
                "m.created_at AS created_at FROM users u JOIN programme_members m ON m.user_id = u.id OR m.email = u.email "
                "JOIN programmes p ON p.id = m.programme_id LEFT JOIN programme_territories t ON t.id = m.territory_id "
                "WHERE u.id = :id ORDER BY m.id",
                user_id,
                {{"programme", "Programme"},
                 {"territory", "Territoire"},
                 {"role", "Rôle"},
                 {"organisation", "Organisation"},
                 {"created_at", "Depuis le", true}}),
            privacy::query_table(sql, "programmes_suivis", "Programmes d’accompagnement : suivis d’actions écrits",
                                 "SELECT a.title AS action, f.status_after AS status, f.progress_after AS progress, "
                                 "f.comment AS comment, f.created_at AS created_at FROM action_follow_ups f "
                                 "JOIN plan_actions a ON a.id = f.action_id WHERE f.author_id = :id ORDER BY f.id",
                                 user_id,
                                 {{"action", "Action"},
                                  {"status", "Statut"},
                                  {"progress", "Avancement (%)"},
                                  {"comment", "Commentaire"},
                                  {"created_at", "Le", true}}),
            privacy::query_table(sql, "programmes_notes", "Programmes d’accompagnement : notes de suivi écrites",
                                 "SELECT t.label AS territory, n.noted_on AS noted_on, n.visibility AS visibility, "
                                 "n.body AS body FROM supervision_notes n "
                                 "JOIN programme_territories t ON t.id = n.territory_id WHERE n.author_id = :id "
                                 "ORDER BY n.noted_on, n.id",
                                 user_id,
                                 {{"territory", "Territoire"},
                                  {"noted_on", "Date"},
                                  {"visibility", "Visibilité"},
                                  {"body", "Note"}})};
}

void forget_programme_member(soci::session& sql, long long user_id) {
    sql << "DELETE FROM programme_members WHERE user_id = :u OR email = (SELECT email FROM users WHERE id = :u2)",
        soci::use(user_id), soci::use(user_id);
    sql << "UPDATE action_follow_ups SET author_id = NULL, author_name = '' WHERE author_id = :u", soci::use(user_id);
    sql << "UPDATE supervision_notes SET author_id = NULL WHERE author_id = :u", soci::use(user_id);
}

}  // namespace ateliers::store
