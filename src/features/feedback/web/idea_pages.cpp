#include <nlohmann/json.hpp>

#include "platform/core/paris_time.hpp"
#include "features/feedback/services/theme_suggestions.hpp"
#include "features/feedback/web/feedback_routes.hpp"
#include "platform/http/form_view.hpp"

namespace ateliers::web::feedback_pages {

namespace {

std::string supports_text(int n) { return n == 0 ? "Aucun soutien" : std::to_string(n) + (n > 1 ? " soutiens" : " soutien"); }

nlohmann::json idea_view(const services::ThemeSuggestion& s, int rank) {
    return {{"id", s.id},
            {"rank", rank},
            {"title", s.title},
            {"description", s.description},
            {"has_description", !s.description.empty()},
            {"supports", s.supports},
            {"supports_text", supports_text(s.supports)},
            {"supported", s.supported_by_viewer},
            {"mine", s.by_viewer},
            {"date", paris_time::long_date(s.created_at)}};
}

Response ideas_view(const App& app, Visitor& visitor, const FormFields& typed, const nlohmann::json& errors,
                    const std::string& notice, int status) {
    auto open = services::ranked_suggestions(app.db(), visitor.user->id, feedback::ThemeStatus::open);
    if (!open) return service_error(app, visitor, open.failure());
    auto planned = services::ranked_suggestions(app.db(), visitor.user->id, feedback::ThemeStatus::planned);
    if (!planned) return service_error(app, visitor, planned.failure());
    nlohmann::json open_list = nlohmann::json::array(), planned_list = nlohmann::json::array();
    int rank = 0;
    for (const auto& s : open.value()) open_list.push_back(idea_view(s, ++rank));
    rank = 0;
    for (const auto& s : planned.value()) planned_list.push_back(idea_view(s, ++rank));
    nlohmann::json data{{"title", "Idées de thèmes pour les prochains cycles – Ateliers des territoires"},
                        {"ideas", open_list},
                        {"has_ideas", !open_list.empty()},
                        {"planned", planned_list},
                        {"has_planned", !planned_list.empty()},
                        {"values", {{"title", field(typed, "title")}, {"description", field(typed, "description")}}},
                        {"errors", errors}};
    if (!notice.empty()) data["notice"] = notice;
    return app.page(visitor, "feedback/ideas", data, status);
}

}  // namespace

Response ideas_page(const App& app, const Request& req, Visitor& visitor) {
    std::string notice;
    if (req.query_param("proposee") == "1") notice = "Merci ! Votre idée est en ligne, et vous la soutenez déjà.";
    return ideas_view(app, visitor, {}, form_errors_view("", {}), notice, 200);
}

Response idea_submit(const App& app, const Request&, Visitor& visitor, const FormFields& form) {
    const feedback::ThemeInput input{field(form, "title"), field(form, "description")};
    auto id = services::suggest_theme(app.db(), visitor.user->id, input, store::now_utc_seconds());
    if (id) return redirect_to("/idees?proposee=1#idee-" + std::to_string(id.value()));
    const auto& f = id.failure();
    if (f.fields.empty()) return service_error(app, visitor, f);
    auto errors = form_errors_view(f.message, f.fields);
    if (f.kind == FailureKind::conflict)
        if (auto existing = services::similar_suggestion(app.db(), input.title); existing && existing.value()) {
            // Point to the idea that already exists, to support it instead.
            const auto& e = *existing.value();
            if (e.status == feedback::ThemeStatus::open) errors["existing"] = {{"id", e.id}, {"title", e.title}};
        }
    return ideas_view(app, visitor, form, errors, "", f.kind == FailureKind::conflict ? 409 : 422);
}

Response idea_support_submit(const App& app, const Request&, Visitor& visitor, long long id, bool support) {
    const auto done = support ? services::support_theme(app.db(), visitor.user->id, id, store::now_utc_seconds())
                              : services::withdraw_support(app.db(), visitor.user->id, id);
    if (!done) return service_error(app, visitor, done.failure());
    return redirect_to("/idees#idee-" + std::to_string(id));
}

}  // namespace ateliers::web::feedback_pages
