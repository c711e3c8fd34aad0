#pragma once
// The organisers' report of an event (who came, from where, per workshop) and its CSV.
#include <string>

#include "platform/http/app.hpp"

namespace ateliers::web::events_report {

//   GET /admin/evenements/SLUG/bilan
Response report_page(const App& app, Visitor& visitor, const std::string& slug);
//   GET /admin/evenements/SLUG/bilan.csv
Response report_csv(const App& app, Visitor& visitor, const std::string& slug);

}  // namespace ateliers::web::events_report
