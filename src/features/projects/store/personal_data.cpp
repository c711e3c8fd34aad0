#include "features/projects/store/personal_data.hpp"

#include "platform/privacy/data_table.hpp"

namespace ateliers::store {

std::vector<privacy::DataTable> project_personal_tables(soci::session& sql, long long user_id) {
    return {privacy::query_table(
                sql, "projets_membre", "Projets de territoire : rôles",
                "SELECT p.title AS project, CASE m.role WHEN 'advisor' THEN 'conseiller' ELSE 'équipe' END AS role, "
                "m.created_at AS created_at FROM users u JOIN project_members m ON m.email = u.email "
                "JOIN projects p ON p.id = m.project_id WHERE u.id = :id ORDER BY m.id",
                user_id, {{"project", "Projet"}, {"role", "Rôle"}, {"created_at", "Depuis le", true}}),
            privacy::query_table(
                sql, "projets_reponses", "Projets de territoire : réponses enregistrées",
                "SELECT p.title AS project, d.number AS deliverable, q.text AS question, a.text AS answer, "
                "a.updated_at AS updated_at FROM deliverable_answers a "
                "JOIN project_deliverables d ON d.id = a.deliverable_id JOIN projects p ON p.id = d.project_id "
                "JOIN deliverable_questions q ON q.id = a.question_id "
                // Answers are signed with the name shown at the time, or the address when none.
                "JOIN users u ON a.updated_by IN (u.full_name, u.email) WHERE u.id = :id "
                "ORDER BY p.id, d.number, q.position",
                user_id,
                {{"project", "Projet"},
                 {"deliverable", "Livrable"},
                 {"question", "Question"},
                 {"answer", "Réponse"},
                 {"updated_at", "Enregistrée le", true}})};
}

void forget_project_member(soci::session& sql, long long user_id) {
    std::string name, email;
    sql << "SELECT full_name, email FROM users WHERE id = :u", soci::use(user_id), soci::into(name), soci::into(email);
    sql << "DELETE FROM project_members WHERE email = :e", soci::use(email);
    sql << "UPDATE deliverable_answers SET updated_by = 'Compte effacé' WHERE updated_by IN (:n, :e)",
        soci::use(name), soci::use(email);
    sql << "UPDATE deliverable_submissions SET submitted_by = 'Compte effacé' WHERE submitted_by IN (:n, :e)",
        soci::use(name), soci::use(email);
    sql << "UPDATE deliverable_submissions SET decided_by = 'Compte effacé' WHERE decided_by IN (:n, :e)",
        soci::use(name), soci::use(email);
}

}  // namespace ateliers::store
