#include "features/programmes/web/programmes_api.hpp"

#include <nlohmann/json.hpp>

#include "features/programmes/services/programme_overview.hpp"
#include "platform/http/api_routes.hpp"
#include "platform/http/paths.hpp"

namespace ateliers::web::programmes_api {

namespace {

nlohmann::ordered_json programme_json(const App& app, const store::ProgrammeRow& p) {
    return {{"slug", p.slug},
            {"title", p.title},
            {"summary", p.summary},
            {"starts_year", p.starts_year},
            {"ends_year", p.starts_year + p.years - 1},
            {"demo", p.demo},
            {"url", app.config().base_url + "/programmes/" + p.slug}};
}

Response list(const App& app) {
    auto programmes = services::programme_list(app.db());
    if (!programmes) return api::from_failure(programmes.failure());
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& p : programmes.value()) out.push_back(programme_json(app, p));
    return api::json(200, {{"programmes", out}});
}

// The same rights as the programme's page: the overview decides what the caller sees.
Response one(const App& app, const services::CurrentUser* user, const std::string& slug) {
    auto o = services::programme_overview(app.db(), user, slug);
    if (!o) return api::from_failure(o.failure());
    auto out = programme_json(app, o->programme);
    out["description"] = o->programme.description;
    out["manages"] = o->manages;
    nlohmann::ordered_json territories = nlohmann::ordered_json::array();
    for (const auto& t : o->territories) {
        nlohmann::ordered_json item = {{"id", t.territory.id},
                                       {"collectivite", t.territory.collectivite_id},
                                       {"label", t.territory.label},
                                       {"kind", t.territory.collectivite_kind},
                                       {"demo", t.territory.demo},
                                       {"can_open", t.can_open}};
        // The stage and the actions are the ANCT's dashboard: absent (null) for others.
        if (o->manages) {
            item["stage"] = t.stage;
            item["plan_adopted"] = t.plan_adopted;
            item["actions"] = t.actions;
            item["overdue_actions"] = t.overdue;
        } else {
            item["stage"] = nullptr;
            item["plan_adopted"] = nullptr;
            item["actions"] = nullptr;
            item["overdue_actions"] = nullptr;
        }
        territories.push_back(std::move(item));
    }
    out["territories"] = territories;
    return api::json(200, out);
}

}  // namespace

std::optional<Response> route(const App& app, const Request& req, const std::optional<services::CurrentUser>& cookie_user) {
    const auto parts = path_segments(req.path);  // api, v1, programmes[, SLUG]
    if ((parts.size() != 3 && parts.size() != 4) || parts[2] != "programmes") return std::nullopt;
    if (api::verb_of(req) != api::Verb::read) return api::method_not_allowed("GET, HEAD");
    if (parts.size() == 3) return list(app);
    return api::with_optional_caller(app, req, cookie_user,
                                     [&](const services::CurrentUser* user) { return one(app, user, parts[3]); });
}

}  // namespace ateliers::web::programmes_api
