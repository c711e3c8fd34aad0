#include "features/running/store/personal_data.hpp"

#include "features/registration/store/personal_data.hpp"
#include "platform/privacy/data_table.hpp"

namespace ateliers::store {

std::vector<privacy::DataTable> live_personal_tables(soci::session& sql, long long user_id) {
    return {privacy::query_table(
                sql, "idees_en_seance", "Idées écrites pendant les séances",
                "SELECT c.title AS cycle, s.number AS session, p.body AS body, p.created_at AS created_at "
                "FROM group_posts p JOIN registrations r ON r.id = p.author_registration_id "
                "JOIN cycle_sessions s ON s.id = p.session_id JOIN cycles c ON c.id = s.cycle_id "
                "WHERE r.user_id = :id ORDER BY p.created_at, p.id",
                user_id,
                {{"cycle", "Cycle"}, {"session", "Séance"}, {"body", "Idée"}, {"created_at", "Écrite le", true}}),
            privacy::query_table(
                sql, "pistes_action", "Pistes d’action",
                "SELECT c.title AS cycle, s.number AS session, l.body AS body, l.status AS status, "
                "l.progress_note AS progress_note, l.created_at AS created_at, l.updated_at AS updated_at "
                "FROM action_leads l JOIN registrations r ON r.id = l.registration_id "
                "JOIN cycle_sessions s ON s.id = l.session_id JOIN cycles c ON c.id = s.cycle_id "
                "WHERE r.user_id = :id ORDER BY l.created_at, l.id",
                user_id,
                {{"cycle", "Cycle"},
                 {"session", "Séance"},
                 {"body", "Piste"},
                 {"status", "Où elle en est"},
                 {"progress_note", "Note d’avancement"},
                 {"created_at", "Écrite le", true},
                 {"updated_at", "Mise à jour le", true}})};
}

void forget_live_texts(soci::session& sql, long long user_id) {
    sql << "UPDATE group_posts SET body = '' WHERE author_registration_id IN "
           "(SELECT id FROM registrations WHERE user_id = :u)",
        soci::use(user_id);
    sql << "UPDATE action_leads SET body = '', progress_note = '' WHERE registration_id IN "
           "(SELECT id FROM registrations WHERE user_id = :u)",
        soci::use(user_id);
}

int expire_live_texts(soci::session& sql, std::int64_t ended_before) {
    const std::string ended = registrations_of_cycles_ended_before;
    long long posts = 0, leads = 0;
    sql << "SELECT COUNT(*) FROM group_posts WHERE body <> '' AND author_registration_id IN (" + ended + ")",
        soci::use(ended_before, "ended_before"), soci::into(posts);
    sql << "SELECT COUNT(*) FROM action_leads WHERE (body <> '' OR progress_note <> '') AND registration_id IN (" +
               ended + ")",
        soci::use(ended_before, "ended_before"), soci::into(leads);
    if (posts > 0)
        sql << "UPDATE group_posts SET body = '' WHERE author_registration_id IN (" + ended + ")",
            soci::use(ended_before, "ended_before");
    if (leads > 0)
        sql << "UPDATE action_leads SET body = '', progress_note = '' WHERE registration_id IN (" + ended + ")",
            soci::use(ended_before, "ended_before");
    return static_cast<int>(posts + leads);
}

}  // namespace ateliers::store
