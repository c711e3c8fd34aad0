#pragma once
// Ideas of themes for future cycles, and who supports them.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

struct ThemeSuggestionRow {
    long long id = 0;
    std::string title, description;
    std::string status;  // open | planned | closed
    std::string author_name, author_email;  // empty once the author's account is gone
    long long created_at = 0;
    int supports = 0;
    bool supported_by_viewer = false;
    long long author_user_id = 0;  // 0: none
};

// All suggestions, unordered; viewer_id 0 for nobody.
std::vector<ThemeSuggestionRow> theme_suggestions(soci::session& sql, long long viewer_id);

// The suggestion's status code, nullopt when there is no such suggestion.
std::optional<std::string> theme_status(soci::session& sql, long long suggestion_id);

long long insert_theme_suggestion(soci::session& sql, long long author_id, const std::string& title,
                                  const std::string& description, long long created_at);

// `if_absent`: ON CONFLICT DO NOTHING (supporting twice is no error).
void insert_theme_support(soci::session& sql, long long suggestion_id, long long user_id, long long created_at,
                          bool if_absent);
void delete_theme_support(soci::session& sql, long long suggestion_id, long long user_id);

void set_theme_status(soci::session& sql, long long suggestion_id, const std::string& status);
std::string theme_title(soci::session& sql, long long suggestion_id);

}  // namespace ateliers::store
