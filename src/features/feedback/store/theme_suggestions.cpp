#include "features/feedback/store/theme_suggestions.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

std::vector<ThemeSuggestionRow> theme_suggestions(soci::session& sql, long long viewer_id) {
    std::vector<ThemeSuggestionRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT s.id AS id, s.title AS title, s.description AS description, s.status AS status, "
                        "COALESCE(u.full_name, '') AS author_name, COALESCE(u.email, '') AS author_email, "
                        "s.created_at AS created_at, "
                        "(SELECT COUNT(*) FROM theme_supports p WHERE p.suggestion_id = s.id) AS supports, "
                        "(SELECT COUNT(*) FROM theme_supports p WHERE p.suggestion_id = s.id AND p.user_id = :viewer) "
                        "AS viewer_supports, "
                        "COALESCE(s.author_user_id, 0) AS author_user_id FROM theme_suggestions s "
                        "LEFT JOIN users u ON u.id = s.author_user_id ",
         soci::use(viewer_id, "viewer"));
    for (const auto& r : rows) {
        ThemeSuggestionRow t;
        t.id = as_int(r, "id");
        t.title = as_text(r, "title");
        t.description = as_text(r, "description");
        t.status = as_text(r, "status");
        t.author_name = as_text(r, "author_name");
        t.author_email = as_text(r, "author_email");
        t.created_at = as_int(r, "created_at");
        t.supports = static_cast<int>(as_int(r, "supports"));
        t.supported_by_viewer = as_int(r, "viewer_supports") > 0;
        t.author_user_id = as_int(r, "author_user_id");
        out.push_back(std::move(t));
    }
    return out;
}

std::optional<std::string> theme_status(soci::session& sql, long long suggestion_id) {
    std::string code;
    sql << "SELECT status FROM theme_suggestions WHERE id = :id", soci::use(suggestion_id), soci::into(code);
    if (!sql.got_data()) return std::nullopt;
    return code;
}

long long insert_theme_suggestion(soci::session& sql, long long author_id, const std::string& title,
                                  const std::string& description, long long created_at) {
    long long id = 0;
    sql << "INSERT INTO theme_suggestions (author_user_id, title, description, status, created_at) "
           "VALUES (:u, :t, :d, 'open', :c) RETURNING id",
        soci::use(author_id), soci::use(title), soci::use(description), soci::use(created_at), soci::into(id);
    return id;
}

void insert_theme_support(soci::session& sql, long long suggestion_id, long long user_id, long long created_at,
                          bool if_absent) {
    if (if_absent)
        sql << "INSERT INTO theme_supports (suggestion_id, user_id, created_at) VALUES (:s, :u, :c) "
               "ON CONFLICT (suggestion_id, user_id) DO NOTHING",
            soci::use(suggestion_id), soci::use(user_id), soci::use(created_at);
    else
        sql << "INSERT INTO theme_supports (suggestion_id, user_id, created_at) VALUES (:s, :u, :c)",
            soci::use(suggestion_id), soci::use(user_id), soci::use(created_at);
}

void delete_theme_support(soci::session& sql, long long suggestion_id, long long user_id) {
    sql << "DELETE FROM theme_supports WHERE suggestion_id = :s AND user_id = :u", soci::use(suggestion_id),
        soci::use(user_id);
}

void set_theme_status(soci::session& sql, long long suggestion_id, const std::string& status) {
    sql << "UPDATE theme_suggestions SET status = :st WHERE id = :id", soci::use(status), soci::use(suggestion_id);
}

std::string theme_title(soci::session& sql, long long suggestion_id) {
    std::string title;
    sql << "SELECT title FROM theme_suggestions WHERE id = :id", soci::use(suggestion_id), soci::into(title);
    return title;
}

}  // namespace ateliers::store
