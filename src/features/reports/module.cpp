#include "features/reports/module.hpp"

#include "features/reports/web/report_routes.hpp"

namespace ateliers::reports {

modules::Module module() {
    modules::Module m;
    m.name = "reports";
    m.admin_pages = [](const web::App& app, const web::Request& req, web::Visitor& visitor,
                       const web::FormFields* form) -> std::optional<web::Response> {
        if (form) return std::nullopt;
        return web::reports_route(app, req, visitor);
    };
    return m;
}

}  // namespace ateliers::reports
