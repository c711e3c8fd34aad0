#include "features/reports/module.hpp"

#include <memory>

#include "features/reports/web/report_routes.hpp"
#include "features/reports/web/territory_pages.hpp"

namespace ateliers::reports {

modules::Module module(services::ReachSources reach) {
    auto sources = std::make_shared<const services::ReachSources>(std::move(reach));
    modules::Module m;
    m.name = "reports";
    m.pages = [sources](const web::App& app, const web::Request& req, web::Visitor& visitor,
                 const web::FormFields* form) -> std::optional<web::Response> {
        if (form) return std::nullopt;
        return web::reports::territory_route(app, req, visitor, *sources);
    };
    m.admin_pages = [sources](const web::App& app, const web::Request& req, web::Visitor& visitor,
                       const web::FormFields* form) -> std::optional<web::Response> {
        if (form) return std::nullopt;
        return web::reports_route(app, req, visitor, *sources);
    };
    return m;
}

}  // namespace ateliers::reports
