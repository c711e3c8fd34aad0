#include "features/projects/web/projects_api.hpp"

#include <nlohmann/json.hpp>

#include "features/projects/services/projects_service.hpp"
#include "features/projects/web/project_views.hpp"
#include "platform/http/api_routes.hpp"
#include "platform/http/paths.hpp"

namespace ateliers::web::projects_api {

namespace {

nlohmann::ordered_json stage_json(int number, projects::StageState state) {
    return {{"number", number}, {"state", projects::state_name(state)}, {"state_label", projects::state_label(state)}};
}

// What the list and the file share: the project, where it stands, its link on the site.
nlohmann::ordered_json project_json(const App& app, const store::ProjectRow& p,
                                    const std::vector<projects::StageState>& states) {
    const auto current = projects::current_stage(states);
    return {{"id", p.id},
            {"title", p.title},
            {"territory", {{"id", p.territory_id}, {"name", p.territory_name}}},
            {"summary", p.summary},
            {"demo", p.demo},
            {"url", app.config().base_url + "/projets/" + std::to_string(p.id)},
            // The deliverable being worked on (1–3); null once the three are validated.
            {"current_deliverable",
             current < states.size() ? nlohmann::ordered_json(current + 1) : nlohmann::ordered_json(nullptr)},
            {"caption", projects::stage_summary(states)}};
}

Response list(const App& app, const services::CurrentUser& user) {
    auto projects = services::visible_projects(app.db(), user);
    if (!projects) return api::from_failure(projects.failure());
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& s : projects.value()) {
        auto item = project_json(app, s.project, s.stages);
        nlohmann::ordered_json stages = nlohmann::ordered_json::array();
        for (std::size_t i = 0; i < s.stages.size(); ++i) stages.push_back(stage_json(static_cast<int>(i + 1), s.stages[i]));
        item["deliverables"] = stages;
        out.push_back(std::move(item));
    }
    return api::json(200, {{"projects", out}});
}

Response one(const App& app, const services::CurrentUser& user, long long id) {
    auto file = services::project_file(app.db(), user, id);
    if (!file) return api::from_failure(file.failure());
    const auto& f = file.value();
    std::vector<projects::StageState> states;
    for (const auto& d : f.deliverables) states.push_back(d.state);
    auto out = project_json(app, f.project, states);
    nlohmann::ordered_json members = nlohmann::ordered_json::array();
    // As on the page: a name, or the e-mail while the person has no account.
    for (const auto& m : f.members)
        members.push_back({{"name", m.full_name.empty() ? m.email : m.full_name}, {"role", m.role}});
    out["members"] = members;
    nlohmann::ordered_json deliverables = nlohmann::ordered_json::array();
    for (const auto& d : f.deliverables) {
        auto item = stage_json(d.number, d.state);
        item["title"] = d.title;
        item["purpose"] = d.purpose;
        item["versions"] = d.submissions.size();
        deliverables.push_back(std::move(item));
    }
    out["deliverables"] = deliverables;
    return api::json(200, out);
}

}  // namespace

std::optional<Response> route(const App& app, const Request& req, const std::optional<services::CurrentUser>& cookie_user) {
    const auto parts = path_segments(req.path);  // api, v1, projects[, ID]
    if ((parts.size() != 3 && parts.size() != 4) || parts[2] != "projects") return std::nullopt;
    if (api::verb_of(req) != api::Verb::read) return api::method_not_allowed("GET, HEAD");
    if (parts.size() == 3)
        return api::with_caller(app, req, cookie_user, true, [&](const services::CurrentUser& u) { return list(app, u); });
    const auto id = path_id(parts[3]);
    if (!id) return api::error(404, "Projet introuvable.");
    return api::with_caller(app, req, cookie_user, true, [&](const services::CurrentUser& u) { return one(app, u, *id); });
}

}  // namespace ateliers::web::projects_api
