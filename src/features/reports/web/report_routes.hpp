#pragma once
// The agency's reports, in the back office (organisers and admins only: admin_route
// checks the role before calling reports_route).
//
//   GET /admin/rapports?du=&au=&statut=        dashboard across cycles
//   GET /admin/rapports.csv | rapports.xlsx     the dashboard's figures (same filters)
//   GET /admin/rapports/SLUG                    report of one cycle
//   GET /admin/rapports/SLUG.csv | SLUG.xlsx    its figures (audit-logged: leads and comments)
#include <optional>

#include "features/reports/services/agency_reach.hpp"
#include "platform/http/app.hpp"

namespace ateliers::web {

// nullopt when the path is not a report path.
std::optional<Response> reports_route(const App& app, const Request& req, Visitor& visitor,
                                      const services::ReachSources& reach);

namespace reports {

// reports/dashboard_page.cpp
Response dashboard_page(const App& app, const Request& req, Visitor& visitor, const services::ReachSources& reach);
Response dashboard_download(const App& app, const Request& req, Visitor& visitor, const std::string& format,
                            const services::ReachSources& reach);
// reports/cycle_report_page.cpp
Response cycle_report_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response cycle_report_download(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                               const std::string& format);

}  // namespace reports

}  // namespace ateliers::web
