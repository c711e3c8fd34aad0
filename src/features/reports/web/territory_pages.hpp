#pragma once
// One page per territory, for organisers (the platform's roles; others get 403, visitors
// not signed in go to the login page):
//   GET /territoires?q=       search a collectivité by name or code
//   GET /territoires/CODE     everything its people took part in (EPCI: with its communes)
#include <optional>

#include "features/reports/services/agency_reach.hpp"
#include "platform/http/app.hpp"

namespace ateliers::web::reports {

// nullopt when the path is not under /territoires.
std::optional<Response> territory_route(const App& app, const Request& req, Visitor& visitor,
                                        const services::ReachSources& reach);

}  // namespace ateliers::web::reports
