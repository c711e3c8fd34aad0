#include "features/feedback/store/feedback.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

std::optional<QuestionnaireRow> find_questionnaire(soci::session& sql, long long registration_id) {
    soci::row r;
    sql << "SELECT r.user_id AS user_id, r.status AS status, r.cycle_id AS cycle_id, c.slug AS slug, "
           "c.title AS title, "
           "COALESCE((SELECT MAX(s.ends_at) FROM cycle_sessions s WHERE s.cycle_id = c.id), 0) AS last_ends_at, "
           "u.full_name AS full_name, r.function_title AS function_title, k.name AS place_name, "
           "k.departement_code AS departement_code FROM registrations r "
           "JOIN cycles c ON c.id = r.cycle_id JOIN users u ON u.id = r.user_id "
           "JOIN collectivites k ON k.id = r.collectivite_id WHERE r.id = :id",
        soci::use(registration_id), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    QuestionnaireRow q;
    q.owner_id = as_int(r, "user_id");
    q.status = as_text(r, "status");
    q.cycle_id = as_int(r, "cycle_id");
    q.cycle_slug = as_text(r, "slug");
    q.cycle_title = as_text(r, "title");
    q.last_session_ends_at = as_int(r, "last_ends_at");
    q.full_name = as_text(r, "full_name");
    q.function_title = as_text(r, "function_title");
    q.collectivite_name = as_text(r, "place_name");
    q.departement_code = as_text(r, "departement_code");
    return q;
}

std::optional<FeedbackRow> find_feedback(soci::session& sql, long long registration_id) {
    soci::row r;
    sql << "SELECT satisfaction, usefulness, would_recommend, comment FROM feedback WHERE registration_id = :id",
        soci::use(registration_id), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    FeedbackRow f;
    f.satisfaction = static_cast<int>(as_int(r, "satisfaction"));
    f.usefulness = static_cast<int>(as_int(r, "usefulness"));
    f.would_recommend = as_int(r, "would_recommend") == 1;
    f.comment = as_text(r, "comment");
    return f;
}

long long feedback_count(soci::session& sql, long long registration_id) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM feedback WHERE registration_id = :id", soci::use(registration_id), soci::into(n);
    return n;
}

void save_feedback(soci::session& sql, long long registration_id, int satisfaction, int usefulness,
                   bool would_recommend, const std::string& comment, long long submitted_at) {
    const int recommend = would_recommend ? 1 : 0;
    sql << "INSERT INTO feedback (registration_id, satisfaction, usefulness, would_recommend, comment, "
           "submitted_at) VALUES (:id, :s, :u, :w, :c, :t) ON CONFLICT (registration_id) DO UPDATE SET "
           "satisfaction = excluded.satisfaction, usefulness = excluded.usefulness, "
           "would_recommend = excluded.would_recommend, comment = excluded.comment, "
           "submitted_at = excluded.submitted_at",
        soci::use(registration_id), soci::use(satisfaction), soci::use(usefulness), soci::use(recommend),
        soci::use(comment), soci::use(submitted_at);
}

std::set<long long> answered_registrations(soci::session& sql, long long user_id) {
    std::set<long long> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT f.registration_id AS registration_id FROM feedback f JOIN registrations r ON r.id = "
                        "f.registration_id WHERE r.user_id = :u",
         soci::use(user_id));
    for (const auto& r : rows) out.insert(as_int(r, "registration_id"));
    return out;
}

std::vector<InvitationRow> invitations_due(soci::session& sql, long long now, long long oldest_end) {
    std::vector<InvitationRow> due;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT r.id AS id, u.email AS email, u.full_name AS full_name, c.title AS title "
                        "FROM registrations r "
                        "JOIN cycles c ON c.id = r.cycle_id JOIN users u ON u.id = r.user_id "
                        "WHERE r.status = 'confirmed' AND r.feedback_requested_at IS NULL AND c.status <> 'draft' "
                        "AND (SELECT MAX(s.ends_at) FROM cycle_sessions s WHERE s.cycle_id = c.id) <= :now "
                        "AND (SELECT MAX(s.ends_at) FROM cycle_sessions s WHERE s.cycle_id = c.id) > :oldest "
                        "ORDER BY r.id",
         soci::use(now, "now"), soci::use(oldest_end, "oldest"));
    for (const auto& r : rows)
        due.push_back({as_int(r, "id"), as_text(r, "email"), as_text(r, "full_name"), as_text(r, "title")});
    return due;
}

bool mark_feedback_requested(soci::session& sql, long long registration_id, long long now) {
    soci::statement mark = (sql.prepare << "UPDATE registrations SET feedback_requested_at = :t WHERE id = :id "
                                           "AND feedback_requested_at IS NULL",
                            soci::use(now), soci::use(registration_id));
    mark.execute(true);
    return mark.get_affected_rows() == 1;
}

}  // namespace ateliers::store
