#include <nlohmann/json.hpp>

#include "features/projects/services/actors_service.hpp"
#include "features/projects/services/projects_service.hpp"
#include "features/projects/web/project_pages.hpp"
#include "features/projects/web/project_views.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/referential/web/collectivite_picker.hpp"

namespace ateliers::web::project_pages {

namespace {

nlohmann::json completeness(const std::vector<projects::ActorCategory>& missing) {
    std::string text;
    for (auto c : missing) text += (text.empty() ? "" : ", ") + projects::category_label(c);
    return {{"complete", missing.empty()}, {"missing", text}};
}

Response list_with(const App& app, Visitor& visitor, const FormFields& typed, const nlohmann::json& picker,
                   const std::map<std::string, std::string>& errors, int status) {
    auto projects = services::visible_projects(app.db(), *visitor.user);
    if (!projects) return failure_page(app, visitor, projects.failure());
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& s : projects.value())
        rows.push_back({{"id", s.project.id},
                        {"title", s.project.title},
                        {"territory", s.project.territory_name},
                        {"demo", s.project.demo},
                        {"caption", projects::stage_summary(s.stages)},
                        {"fantastiques", completeness(s.missing_fantastiques)},
                        {"stages", stages_view(s.stages)}});
    nlohmann::json error_list = nlohmann::json::array();
    for (const auto& [f, m] : errors) error_list.push_back({{"field", f}, {"message", m}});
    return app.page(visitor, "projects/list",
                    {{"title", "Projets de territoire – Ateliers des territoires"},
                     {"projects", rows},
                     {"has_projects", !rows.empty()},
                     {"organiser", permissions::can_organise(*visitor.user)},
                     {"picker_html", app.fragment("collectivite_picker", picker)},
                     {"values", {{"title", field(typed, "title")}, {"summary", field(typed, "summary")}}},
                     {"errors", {{"has_summary", !errors.empty()}, {"list", error_list}, {"by_field", errors}}}},
                    status);
}

}  // namespace

Response list_page(const App& app, const Request&, Visitor& visitor) {
    return list_with(app, visitor, {}, collectivite_picker_view(app.db(), "", ""), {}, 200);
}

Response create_submit(const App& app, Visitor& visitor, const FormFields& form) {
    if (!permissions::can_organise(*visitor.user))
        return app.error_page(visitor, 403, "Accès refusé", "Seule l’équipe de l’agence crée des projets.");
    auto picked = pick_collectivite(app.db(), form);
    std::map<std::string, std::string> errors;
    if (!picked.problem.empty()) errors["collectivite"] = picked.problem;
    if (errors.empty()) {
        auto id = services::create_project(app.db(), &*visitor.user,
                                           {field(form, "title"), picked.id, field(form, "summary"), false});
        if (id) return redirect_to("/projets/" + std::to_string(id.value()));
        errors[id.failure().field.empty() ? "title" : id.failure().field] = id.failure().message;
    }
    return list_with(app, visitor, form, picked.view, errors, 422);
}

Response agency_page(const App& app, Visitor& visitor) {
    auto projects = services::agency_projects(app.db(), *visitor.user);
    if (!projects) return failure_page(app, visitor, projects.failure());
    nlohmann::json stages = nlohmann::json::array();
    std::size_t complete = 0;
    for (std::size_t stage = 0; stage <= 3; ++stage) {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& s : projects.value()) {
            if (std::min<std::size_t>(s.current, 3) != stage) continue;
            rows.push_back({{"id", s.project.id},
                            {"title", s.project.title},
                            {"territory", s.project.territory_name},
                            {"demo", s.project.demo},
                            {"caption", projects::stage_summary(s.stages)},
                            {"fantastiques", completeness(s.missing_fantastiques)}});
        }
        stages.push_back({{"name", ateliers::projects::stage_name(stage)}, {"count", rows.size()}, {"projects", rows}, {"has_projects", !rows.empty()},
                          {"anchor", "etape-" + std::to_string(stage + 1)}});
    }
    for (const auto& s : projects.value()) complete += s.missing_fantastiques.empty() ? 1 : 0;
    return app.page(visitor, "projects/agency",
                    {{"title", "Suivi des projets – Ateliers des territoires"},
                     {"stages", stages},
                     {"total", projects.value().size()},
                     {"complete", complete}});
}

Response project_page(const App& app, const Request& req, Visitor& visitor, long long id) {
    auto file = services::project_file(app.db(), *visitor.user, id);
    if (!file) return failure_page(app, visitor, file.failure());
    const auto& f = file.value();
    auto map = services::project_actor_map(app.db(), *visitor.user, id);
    if (!map) return failure_page(app, visitor, map.failure());
    std::vector<projects::StageState> states;
    nlohmann::json deliverables = nlohmann::json::array();
    for (const auto& d : f.deliverables) {
        states.push_back(d.state);
        deliverables.push_back({{"number", d.number},
                                {"title", d.title},
                                {"purpose", d.purpose},
                                {"label", projects::state_label(d.state)},
                                {"state", projects::state_name(d.state)},
                                {"open", d.state != projects::StageState::locked},
                                // null, not 0: a number is a non-empty text to mustache, so "0" would show
                                {"versions", d.submissions.empty() ? nlohmann::json() : nlohmann::json(d.submissions.size())}});
    }
    nlohmann::json team = nlohmann::json::array(), advisors = nlohmann::json::array();
    for (const auto& m : f.members)
        (m.role == "team" ? team : advisors).push_back({{"email", m.email}, {"name", m.full_name.empty() ? m.email : m.full_name}});
    nlohmann::json data{{"title", f.project.title + " – Projets"},
                        {"project", {{"id", f.project.id}, {"title", f.project.title}, {"territory", f.project.territory_name},
                                     {"demo", f.project.demo}, {"summary", paragraphs(f.project.summary)}}},
                        {"caption", projects::stage_summary(states)},
                        {"deliverables", deliverables},
                        {"team", team},
                        {"advisors", advisors},
                        {"has_team", !team.empty()},
                        {"has_advisors", !advisors.empty()},
                        {"manage", projects::can_manage(f.viewer)},
                        {"fantastiques", completeness(map.value().missing)},
                        {"actor_count", map.value().actors.size()},
                        {"link_count", map.value().links.size()}};
    const auto notice = req.query_param("message");
    if (notice == "membre") data["notice"] = "La personne est ajoutée au projet.";
    if (notice == "phare")
        data["notice"] = "Le projet est créé pour l’action du plan : l’équipe du territoire en rédige les livrables, "
                         "ses prestataires et l’ANCT les relisent.";
    if (!req.query_param("erreur").empty()) data["error"] = req.query_param("erreur");
    return app.page(visitor, "projects/project", data);
}

Response member_submit(const App& app, Visitor& visitor, const FormFields& form, long long id) {
    auto added = services::add_project_member(app.db(), &*visitor.user, id, field(form, "email"), field(form, "role"));
    if (!added) {
        if (added.failure().kind != FailureKind::invalid && added.failure().kind != FailureKind::conflict)
            return failure_page(app, visitor, added.failure());
        return redirect_to("/projets/" + std::to_string(id) + "?erreur=" + url_encode(added.failure().message) + "#membres");
    }
    return redirect_to("/projets/" + std::to_string(id) + "?message=membre#membres");
}

}  // namespace ateliers::web::project_pages
