#include "features/programmes/web/flagship_view.hpp"

#include "features/programmes/services/flagship_projects.hpp"
#include "features/programmes/web/page_support.hpp"

namespace ateliers::web::programmes_pages {

nlohmann::json flagship_view(const App& app, const services::PlanActionView& v, const std::string& problem) {
    if (v.action.kind != "projet_phare") return nullptr;
    auto projects = services::action_projects(app.db(), v.territory.collectivite_id, v.action);
    nlohmann::json out = {{"problem", problem},
                          {"can_edit", v.can_edit},
                          {"post", territory_path(v.programme.slug, v.territory.id) + "/plan/actions/" +
                                       std::to_string(v.action.id) + "/projet"}};
    if (!projects) {
        out["problem"] = projects.failure().message;
        return out;
    }
    if (projects->carried) {
        const auto& p = *projects->carried;
        out["carried"] = {{"title", p.title}, {"link", "/projets/" + std::to_string(p.project_id)}, {"stage", p.stage}};
        return out;
    }
    nlohmann::json choices = nlohmann::json::array();
    choices.push_back({{"value", "nouveau"},
                       {"id", "projet-nouveau"},
                       {"label", "Créer le projet « " + v.action.title + " »"},
                       {"hint", "L’équipe du territoire en rédige les livrables, ses prestataires les relisent."},
                       {"checked", true}});
    for (const auto& p : projects->attachable)
        choices.push_back({{"value", std::to_string(p.project_id)},
                           {"id", "projet-" + std::to_string(p.project_id)},
                           {"label", "Rattacher le projet existant « " + p.title + " »"},
                           {"hint", p.stage},
                           {"checked", false}});
    out["choices"] = choices;
    return out;
}

}  // namespace ateliers::web::programmes_pages
