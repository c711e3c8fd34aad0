#include "features/programmes/module.hpp"

#include "features/programmes/web/programme_pages.hpp"
#include "platform/http/paths.hpp"

namespace ateliers::programmes {

namespace {

using web::App;
using web::FormFields;
using web::Request;
using web::Response;
using web::Visitor;

//   GET  /programmes/SLUG                                 the programme; territories' stages for the ANCT
//   GET  /programmes/SLUG/territoires/ID/diagnostic POST  a territory's diagnostic against the grid
std::optional<Response> pages(const App& app, const Request& req, Visitor& visitor, const FormFields* form) {
    const auto parts = web::path_segments(req.path);
    if (parts.empty() || parts[0] != "programmes") return std::nullopt;
    if (parts.size() == 2 && !form) return web::programmes_pages::programme_page(app, req, visitor, parts[1]);
    if (parts.size() == 5 && parts[2] == "territoires" && parts[4] == "diagnostic") {
        const auto id = web::path_id(parts[3]);
        if (!id) return std::nullopt;
        if (!form) return web::programmes_pages::diagnostic_form(app, req, visitor, parts[1], *id);
        return web::programmes_pages::diagnostic_submit(app, req, visitor, *form, parts[1], *id);
    }
    return std::nullopt;
}

}  // namespace

modules::Module module() {
    modules::Module m;
    m.name = "programmes";
    m.pages = pages;
    return m;
}

}  // namespace ateliers::programmes
