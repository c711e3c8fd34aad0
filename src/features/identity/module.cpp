#include "features/identity/module.hpp"

#include "features/identity/web/proconnect_pages.hpp"

namespace ateliers::identity {

namespace {

using web::App;
using web::FormFields;
using web::Request;
using web::Response;
using web::Visitor;

}  // namespace

//   POST /compte/proconnect          start: to the provider's authorize endpoint
//   GET  /compte/proconnect/retour   the provider's return (code, state)
modules::Module module(ProConnectSettings settings) {
    modules::Module m;
    m.name = "identity";
    if (!settings.configured()) return m;  // no button, no routes
    m.pages = [settings](const App& app, const Request& req, Visitor& visitor,
                         const FormFields* form) -> std::optional<Response> {
        if (form && req.path == "/compte/proconnect")
            return web::proconnect_pages::start(app, req, visitor, *form, settings);
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
