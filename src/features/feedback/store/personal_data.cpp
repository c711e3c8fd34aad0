#include "features/feedback/store/personal_data.hpp"

#include "features/registration/store/personal_data.hpp"
#include "platform/privacy/data_table.hpp"

namespace ateliers::store {

std::vector<privacy::DataTable> feedback_personal_tables(soci::session& sql, long long user_id) {
    return {privacy::query_table(
                sql, "questionnaires", "Réponses au questionnaire de fin de cycle",
                "SELECT c.title AS cycle, f.satisfaction AS satisfaction, f.usefulness AS usefulness, "
                "CASE WHEN f.would_recommend = 1 THEN 'oui' ELSE 'non' END AS recommend, f.comment AS comment, "
                "f.submitted_at AS submitted_at FROM feedback f JOIN registrations r ON r.id = f.registration_id "
                "JOIN cycles c ON c.id = r.cycle_id WHERE r.user_id = :id ORDER BY f.submitted_at",
                user_id,
                {{"cycle", "Cycle"},
                 {"satisfaction", "Satisfaction (sur 5)"},
                 {"usefulness", "Utilité (sur 5)"},
                 {"recommend", "Le recommanderait"},
                 {"comment", "Commentaire"},
                 {"submitted_at", "Répondu le", true}}),
            privacy::query_table(
                sql, "temoignages", "Témoignages",
                "SELECT t.quote AS quote, t.author AS author, t.role_text AS role_text, t.place AS place, "
                "CASE WHEN t.published = 1 THEN 'oui' ELSE 'non' END AS published, t.submitted_at AS submitted_at "
                "FROM testimonials t WHERE t.user_id = :id ORDER BY t.id",
                user_id,
                {{"quote", "Témoignage"},
                 {"author", "Signé"},
                 {"role_text", "Fonction"},
                 {"place", "Lieu"},
                 {"published", "Publié"},
                 {"submitted_at", "Envoyé le", true}}),
            privacy::query_table(sql, "themes_proposes", "Thèmes proposés",
                                 "SELECT title, description, created_at FROM theme_suggestions "
                                 "WHERE author_user_id = :id ORDER BY id",
                                 user_id,
                                 {{"title", "Thème"}, {"description", "Description"}, {"created_at", "Proposé le", true}}),
            privacy::query_table(sql, "themes_soutenus", "Thèmes soutenus",
                                 "SELECT t.title AS title, s.created_at AS created_at FROM theme_supports s "
                                 "JOIN theme_suggestions t ON t.id = s.suggestion_id WHERE s.user_id = :id "
                                 "ORDER BY s.created_at",
                                 user_id, {{"title", "Thème"}, {"created_at", "Soutenu le", true}})};
}

void forget_feedback_texts(soci::session& sql, long long user_id) {
    sql << "UPDATE feedback SET comment = '' WHERE registration_id IN "
           "(SELECT id FROM registrations WHERE user_id = :u)",
        soci::use(user_id);
    sql << "DELETE FROM testimonials WHERE user_id = :u", soci::use(user_id);
    sql << "DELETE FROM theme_suggestions WHERE author_user_id = :u", soci::use(user_id);
}

int expire_feedback_texts(soci::session& sql, std::int64_t ended_before) {
    const std::string which = std::string(" WHERE comment <> '' AND registration_id IN (") +
                              registrations_of_cycles_ended_before + ")";
    long long due = 0;
    sql << "SELECT COUNT(*) FROM feedback" + which, soci::use(ended_before, "ended_before"), soci::into(due);
    if (due > 0) sql << "UPDATE feedback SET comment = ''" + which, soci::use(ended_before, "ended_before");
    return static_cast<int>(due);
}

}  // namespace ateliers::store
