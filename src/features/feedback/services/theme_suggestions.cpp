#include "features/feedback/services/theme_suggestions.hpp"

#include <algorithm>

#include "platform/core/text.hpp"
#include "platform/audit/audit.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::services {

using store::as_int;
using store::as_text;

namespace {

const char* suggestion_select =
    "SELECT s.id, s.title, s.description, s.status, COALESCE(u.full_name, ''), COALESCE(u.email, ''), s.created_at, "
    "(SELECT COUNT(*) FROM theme_supports p WHERE p.suggestion_id = s.id), "
    "(SELECT COUNT(*) FROM theme_supports p WHERE p.suggestion_id = s.id AND p.user_id = :viewer), "
    "COALESCE(s.author_user_id, 0) FROM theme_suggestions s LEFT JOIN users u ON u.id = s.author_user_id ";

ThemeSuggestion from_row(const soci::row& r, long long viewer_id) {
    ThemeSuggestion t;
    t.id = as_int(r, 0);
    t.title = as_text(r, 1);
    t.description = as_text(r, 2);
    feedback::parse_theme_status(as_text(r, 3), t.status);
    t.author_name = as_text(r, 4);
    t.author_email = as_text(r, 5);
    t.created_at = as_int(r, 6);
    t.supports = static_cast<int>(as_int(r, 7));
    t.supported_by_viewer = as_int(r, 8) > 0;
    t.by_viewer = viewer_id > 0 && as_int(r, 9) == viewer_id;
    return t;
}

std::vector<ThemeSuggestion> load_all(soci::session& sql, long long viewer_id) {
    std::vector<ThemeSuggestion> out;
    soci::rowset<soci::row> rows = (sql.prepare << suggestion_select, soci::use(viewer_id, "viewer"));
    for (const auto& r : rows) out.push_back(from_row(r, viewer_id));
    return out;
}

std::optional<ThemeSuggestion> same_title(soci::session& sql, const std::string& title) {
    const auto key = feedback::title_key(title);
    for (auto& t : load_all(sql, 0))
        if (feedback::title_key(t.title) == key) return t;
    return std::nullopt;
}

Result<feedback::ThemeStatus> status_of(soci::session& sql, long long suggestion_id) {
    std::string code;
    sql << "SELECT status FROM theme_suggestions WHERE id = :id", soci::use(suggestion_id), soci::into(code);
    if (!sql.got_data()) return fail("Cette idée de thème n’existe pas ou a été supprimée.", {}, FailureKind::not_found);
    feedback::ThemeStatus s = feedback::ThemeStatus::open;
    feedback::parse_theme_status(code, s);
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
        long long id = 0;
        sql << "INSERT INTO theme_suggestions (author_user_id, title, description, status, created_at) "
               "VALUES (:u, :t, :d, 'open', :c) RETURNING id",
            soci::use(user_id), soci::use(title), soci::use(description), soci::use(now), soci::into(id);
        // Whoever suggests an idea supports it.
        sql << "INSERT INTO theme_supports (suggestion_id, user_id, created_at) VALUES (:s, :u, :c)", soci::use(id),
            soci::use(user_id), soci::use(now);
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
        sql << "INSERT INTO theme_supports (suggestion_id, user_id, created_at) VALUES (:s, :u, :c) "
               "ON CONFLICT (suggestion_id, user_id) DO NOTHING",
            soci::use(suggestion_id), soci::use(user_id), soci::use(now);
        return Done{};
    });
}

Status withdraw_support(store::Database& db, long long user_id, long long suggestion_id) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        auto status = status_of(sql, suggestion_id);
        if (!status) return status.failure();
        sql << "DELETE FROM theme_supports WHERE suggestion_id = :s AND user_id = :u", soci::use(suggestion_id),
            soci::use(user_id);
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
        sql << "UPDATE theme_suggestions SET status = :st WHERE id = :id", soci::use(code), soci::use(suggestion_id);
        std::string title;
        sql << "SELECT title FROM theme_suggestions WHERE id = :id", soci::use(suggestion_id), soci::into(title);
        record_audit(sql, actor_id, "theme.status", "theme:" + std::to_string(suggestion_id),
                     "« " + title + " » : " + feedback::theme_status_label(before.value()) + " → " +
                         feedback::theme_status_label(status));
        return Done{};
    });
}

}  // namespace ateliers::services
