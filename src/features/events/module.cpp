#include "features/events/module.hpp"

#include "features/events/web/event_pages.hpp"
#include "platform/http/paths.hpp"

namespace ateliers::events {

namespace {

using web::App;
using web::FormFields;
using web::Request;
using web::Response;
using web::Visitor;

//   GET  /evenements                          upcoming and past events (?type=&mois=&lieu=)
//   GET  /evenements/SLUG                     presentation, programme, practical information
//   GET  /evenements/SLUG/programme.ics       the whole programme
//   GET  /evenements/SLUG/inscription  POST   register, choose workshops
//   POST /evenements/SLUG/choix               change workshop choices
//   POST /evenements/SLUG/annuler             cancel
std::optional<Response> pages(const App& app, const Request& req, Visitor& visitor, const FormFields* form) {
    const auto parts = web::path_segments(req.path);
    if (parts.empty() || parts[0] != "evenements") return std::nullopt;
    if (!form) {
        if (parts.size() == 1) return web::events_pages::list_page(app, req, visitor);
        if (parts.size() == 2) return web::events_pages::event_page(app, req, visitor, parts[1]);
        if (parts.size() == 3 && parts[2] == "programme.ics") return web::events_pages::programme_ics(app, parts[1]);
        if (parts.size() == 3 && parts[2] == "inscription")
            return web::events_pages::registration_form(app, req, visitor, parts[1]);
        return std::nullopt;
    }
    if (parts.size() == 3 && parts[2] == "inscription")
        return web::events_pages::registration_submit(app, req, visitor, *form, parts[1]);
    if (parts.size() == 3 && parts[2] == "choix") return web::events_pages::choices_submit(app, req, visitor, *form, parts[1]);
    if (parts.size() == 3 && parts[2] == "annuler") return web::events_pages::cancel_submit(app, req, visitor, *form, parts[1]);
    return std::nullopt;
}

}  // namespace

modules::Module module() {
    modules::Module m;
    m.name = "events";
    m.pages = pages;
    return m;
}

}  // namespace ateliers::events
