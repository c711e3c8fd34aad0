#pragma once
// Themes suggested for future cycles by anyone logged in, and who supports them. The
// author supports their own idea from the start; each person counts once per idea
// (the primary key of theme_supports). Organisers move ideas to "planned" or "closed".
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/feedback/domain/feedback_rules.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct ThemeSuggestion {
    long long id = 0;
    std::string title;
    std::string description;
    feedback::ThemeStatus status = feedback::ThemeStatus::open;
    std::string author_name;   // empty when the account was deleted
    std::string author_email;
    std::int64_t created_at = 0;
    int supports = 0;
    bool supported_by_viewer = false;
    bool by_viewer = false;
};

// Ranked by feedback::ranks_before; `only` keeps one status. viewer_id 0: nobody.
Result<std::vector<ThemeSuggestion>> ranked_suggestions(store::Database& db, long long viewer_id,
                                                        std::optional<feedback::ThemeStatus> only);

// 422 with field errors; 409 with field "title" when an idea with the same title
// (case and accents aside) exists: find it with similar_suggestion.
Result<long long> suggest_theme(store::Database& db, long long user_id, const feedback::ThemeInput& input,
                                std::int64_t now);

Result<std::optional<ThemeSuggestion>> similar_suggestion(store::Database& db, const std::string& title);

// Idempotent: supporting twice still counts once. Only open ideas take support.
Status support_theme(store::Database& db, long long user_id, long long suggestion_id, std::int64_t now);
Status withdraw_support(store::Database& db, long long user_id, long long suggestion_id);

// Organisers; audit-logged.
Status set_theme_status(store::Database& db, long long actor_id, long long suggestion_id,
                        feedback::ThemeStatus status);

}  // namespace ateliers::services
