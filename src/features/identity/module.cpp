#include "features/identity/module.hpp"

#include "features/identity/services/personal_data.hpp"
#include "features/identity/web/collectivite_pages.hpp"
#include "features/identity/web/proconnect_pages.hpp"
#include "platform/http/paths.hpp"

namespace ateliers::identity {

namespace {

using web::App;
using web::FormFields;
using web::Request;
using web::Response;
using web::Visitor;

//   GET  /admin/collectivites                      registrations and their collectivité's mark
//   POST /admin/collectivites/ID/confirmer|contester  an organiser's decision
std::optional<Response> admin_pages(const App& app, const Request& req, Visitor& visitor, const FormFields* form) {
    const auto parts = web::path_segments(req.path);  // parts[0] == "admin"
    if (parts.size() < 2 || parts[1] != "collectivites") return std::nullopt;
    if (!form) {
        if (parts.size() == 2) return web::collectivite_pages::list_page(app, req, visitor);
        return std::nullopt;
    }
    if (parts.size() == 4 && (parts[3] == "confirmer" || parts[3] == "contester"))
        return web::collectivite_pages::review_submit(app, req, visitor, parts[2], parts[3]);
    return std::nullopt;
}

}  // namespace

//   GET  /compte/proconnect?suivant=  start: to the provider's authorize endpoint (a GET:
//                                    the site's CSP has form-action 'self', which would stop
//                                    a form's redirect to the provider)
//   GET  /compte/proconnect/retour   the provider's return (code, state)
modules::Module module(ProConnectSettings settings) {
    modules::Module m;
    m.name = "identity";
    m.admin_pages = admin_pages;
    m.personal_data.push_back(services::identity_personal_data());
    if (!settings.configured()) return m;  // no ProConnect button, no ProConnect routes
    m.pages = [settings](const App& app, const Request& req, Visitor& visitor,
                         const FormFields* form) -> std::optional<Response> {
        if (!form && req.path == "/compte/proconnect") return web::proconnect_pages::start(app, req, visitor, settings);
        if (!form && req.path == "/compte/proconnect/retour")
            return web::proconnect_pages::callback(app, req, visitor, settings);
        return std::nullopt;
    };
    m.sign_in_option = [](const App& app, const Visitor& visitor, const std::string& next) {
        return web::proconnect_pages::sign_in_button(app, visitor, next);
    };
    m.sign_out_redirect = [settings](const App& app, const Visitor& visitor) {
        return web::proconnect_pages::logout_location(app, visitor, settings);
    };
    return m;
}

}  // namespace ateliers::identity
