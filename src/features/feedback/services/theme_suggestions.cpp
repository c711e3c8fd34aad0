#include "features/feedback/services/theme_suggestions.hpp"

#include <algorithm>

#include "platform/core/text.hpp"
#include "platform/audit/audit.hpp"
#include "features/feedback/store/theme_suggestions.hpp"

namespace ateliers::services {

namespace {

ThemeSuggestion from_row(const store::ThemeSuggestionRow& r, long long viewer_id) {
    ThemeSuggestion t;
    t.id = r.id;
    t.title = r.title;
    t.description = r.description;
    feedback::parse_theme_status(r.status, t.status);
    t.author_name = r.author_name;
    t.author_email = r.author_email;
    t.created_at = r.created_at;
    t.supports = r.supports;
    t.supported_by_viewer = r.supported_by_viewer;
    t.by_viewer = viewer_id > 0 && r.author_user_id == viewer_id;
    return t;
}

std::vector<ThemeSuggestion> load_all(soci::session& sql, long long viewer_id) {
    std::vector<ThemeSuggestion> out;
    for (const auto& r : store::theme_suggestions(sql, viewer_id)) out.push_back(from_row(r, viewer_id));
    return out;
}

std::optional<ThemeSuggestion> same_title(soci::session& sql, const std::string& title) {
    const auto key = feedback::title_key(title);
    for (auto& t : load_all(sql, 0))
        if (feedback::title_key(t.title) == key) return t;
    return std::nullopt;
}

Result<feedback::ThemeStatus> status_of(soci::session& sql, long long suggestion_id) {
    const auto code = store::theme_status(sql, suggestion_id);
    if (!code) return fail("Cette idée de thème n’existe pas ou a été supprimée.", {}, FailureKind::not_found);
    feedback::ThemeStatus s = feedback::ThemeStatus::open;
    feedback::parse_theme_status(*code, s);
    return s;
}

}  // namespace

Result<std::vector<ThemeSuggestion>> ranked_suggestions(store::Database& db, long long viewer_id,
                                                        std::optional<feedback::ThemeStatus> only) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            auto all = load_all(sql, viewer_id);
            if (only)
                all.erase(std::remove_if(all.begin(), all.end(), [&](const auto& t) { return t.status != *only; }),
                          all.end());
            std::sort(all.begin(), all.end(), [](const ThemeSuggestion& a, const ThemeSuggestion& b) {
                return feedback::ranks_before({a.id, a.supports, a.created_at}, {b.id, b.supports, b.created_at});
            });
            return all;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<std::optional<ThemeSuggestion>> similar_suggestion(store::Database& db, const std::string& title) {
    try {
        return store::with_session(db, [&](soci::session& sql) { return same_title(sql, title); });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<long long> suggest_theme(store::Database& db, long long user_id, const feedback::ThemeInput& input,
                                std::int64_t now_utc) {
    if (auto errors = feedback::validate(input); !errors.empty()) {
        auto f = fail("Votre idée n’a pas été enregistrée : corrigez les champs signalés.", {}, FailureKind::invalid);
        f.fields = std::move(errors);
        return f;
    }
    const auto title = text::trim(input.title);
    const auto description = text::trim(input.description);
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        if (const auto existing = same_title(sql, title)) {
            auto f = fail("Votre idée n’a pas été enregistrée : elle existe déjà.", "title", FailureKind::conflict);
            f.fields["title"] = "Une idée de thème porte déjà ce titre : « " + existing->title + " ». " +
                                (existing->status == feedback::ThemeStatus::open
                                     ? "Soutenez-la plutôt que d’en proposer une nouvelle."
                                     : std::string("Elle est « ") + feedback::theme_status_label(existing->status) +
                                           " ».");
            return f;
        }
        const long long now = now_utc;
        const long long id = store::insert_theme_suggestion(sql, user_id, title, description, now);
        // Whoever suggests an idea supports it.
        store::insert_theme_support(sql, id, user_id, now, false);
        return id;
    });
}

Status support_theme(store::Database& db, long long user_id, long long suggestion_id, std::int64_t now_utc) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        auto status = status_of(sql, suggestion_id);
        if (!status) return status.failure();
        if (status.value() != feedback::ThemeStatus::open)
            return fail("Cette idée n’est plus ouverte aux soutiens : elle est « " +
                            std::string(feedback::theme_status_label(status.value())) + " ».",
                        {}, FailureKind::conflict);
        const long long now = now_utc;
        store::insert_theme_support(sql, suggestion_id, user_id, now, true);
        return Done{};
    });
}

Status withdraw_support(store::Database& db, long long user_id, long long suggestion_id) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        auto status = status_of(sql, suggestion_id);
        if (!status) return status.failure();
        store::delete_theme_support(sql, suggestion_id, user_id);
        return Done{};
    });
}

Status set_theme_status(store::Database& db, long long actor_id, long long suggestion_id,
                        feedback::ThemeStatus status) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        auto before = status_of(sql, suggestion_id);
        if (!before) return before.failure();
        if (before.value() == status) return Done{};
        const std::string code = feedback::theme_status_code(status);
        store::set_theme_status(sql, suggestion_id, code);
        const std::string title = store::theme_title(sql, suggestion_id);
        record_audit(sql, actor_id, "theme.status", "theme:" + std::to_string(suggestion_id),
                     "« " + title + " » : " + feedback::theme_status_label(before.value()) + " → " +
                         feedback::theme_status_label(status));
        return Done{};
    });
}

}  // namespace ateliers::services
