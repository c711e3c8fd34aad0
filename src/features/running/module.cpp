#include "features/running/module.hpp"
#include "features/running/demo/demo_activity.hpp"

#include <cstdlib>

#include "features/cycles/services/facilitation_access.hpp"
#include "features/running/cli/groups_command.hpp"
#include "features/running/services/cycle_reach.hpp"
#include "features/running/services/personal_data.hpp"
#include "features/running/web/facilitation_routes.hpp"
#include "features/running/web/live_hub.hpp"
#include "features/running/web/live_routes.hpp"
#include "platform/http/paths.hpp"

namespace ateliers::running {

namespace {

std::optional<web::Response> pages(const web::App& app, const web::Request& req, web::Visitor& visitor,
                                   const web::FormFields* form) {
    // Before any handler: a draft must look like a slug never used (see is_hidden_draft).
    if (const auto parts = web::path_segments(req.path); parts.size() >= 2 && parts[0] == "animation" &&
                                                          visitor.user &&
                                                          services::is_hidden_draft(app.db(), *visitor.user, parts[1]))
        return app.error_page(visitor, 404, "Page introuvable",
                              "La page demandée n'existe pas ou a été déplacée. Vérifiez l'adresse, ou revenez à "
                              "l'accueil.");
    if (auto r = web::facilitation_route(app, req, visitor, form)) return r;
    return web::live_route(app, req, visitor, form);
}

web::LiveHubOptions live_options() {
    web::LiveHubOptions options;
    if (const char* max = std::getenv("ATELIERS_LIVE_MAX_CONNECTIONS"); max && *max)
        options.max_connections = std::strtoull(max, nullptr, 10);
    if (const char* max = std::getenv("ATELIERS_LIVE_MAX_PER_USER"); max && *max)
        options.max_per_user = std::strtoull(max, nullptr, 10);
    return options;
}

// Only with `--activity`: fictitious people, applications and a finished cycle, so that
// selection, attendance and the reports have something to show.
Result<std::string> load_demo(store::Database& db, const modules::DemoOptions& options) {
    if (!options.activity) return std::string{};
    auto more = services::seed_demo_activity(db, options.now_utc);
    if (!more) return more.failure();
    if (more->already_there) return std::string("Activité de démonstration : déjà chargée");
    return "Activité de démonstration : " + std::to_string(more->people) + " personnes fictives, " +
           std::to_string(more->applications) + " candidatures dans une vague, un cycle terminé avec " +
           std::to_string(more->past_participants) + " participants";
}

}  // namespace

modules::Module module() {
    modules::Module m;
    m.name = "running";
    m.pages = pages;
    m.space_sections.push_back({"live_now_html", [](const web::App& app, const web::Visitor& visitor) {
                                    return visitor.user ? web::live_space_now_html(app, *visitor.user) : std::string{};
                                }});
    m.space_sections.push_back({"live_leads_html", [](const web::App& app, const web::Visitor& visitor) {
                                    return web::live_space_leads_html(app, visitor);
                                }});
    m.streams = [](const web::App& app) -> std::unique_ptr<web::StreamHandler> {
        return std::make_unique<web::LiveHub>(app, live_options());
    };
    m.nav.push_back({50, "Animation", "/animation", modules::NavEntry::Audience::facilitators});
    m.commands.push_back(groups_command());
    m.personal_data.push_back(services::live_personal_data());
    m.report_section = services::cycle_report_section;
    m.territory_activity = services::cycle_territory_activity;
    m.demo_content = load_demo;
    return m;
}

}  // namespace ateliers::running
