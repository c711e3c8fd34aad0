#include "features/selection/module.hpp"

#include "features/selection/cli/allocate_command.hpp"
#include "features/selection/web/selection_pages.hpp"
#include "platform/http/paths.hpp"

namespace ateliers::selection {

namespace {

//   GET  /admin/selections                              rounds of cycles "sur candidature"
//   GET  /admin/selections/DEADLINE?proposition=1       one round and its proposed selection
//   POST /admin/selections/DEADLINE/ajuster | equilibre | confirmer
std::optional<web::Response> admin_pages(const web::App& app, const web::Request& req, web::Visitor& visitor,
                                         const web::FormFields* form) {
    const auto parts = web::path_segments(req.path);  // parts[0] == "admin"
    if (parts.size() < 2 || parts[1] != "selections") return std::nullopt;
    if (!form) {
        if (parts.size() == 2) return web::admin::selection_rounds_page(app, req, visitor);
        if (parts.size() == 3) return web::admin::selection_round_page(app, req, visitor, parts[2]);
        return std::nullopt;
    }
    if (parts.size() == 4) return web::admin::selection_round_submit(app, req, visitor, *form, parts[2], parts[3]);
    return std::nullopt;
}

}  // namespace

modules::Module module() {
    modules::Module m;
    m.name = "selection";
    m.admin_pages = admin_pages;
    m.commands.push_back(allocate_command());
    return m;
}

}  // namespace ateliers::selection
