#pragma once
// The "projet de territoire" block of a flagship action's page: the project carrying the
// action and where it stands, or the form that starts or attaches one.
#include <string>

#include <nlohmann/json.hpp>

#include "features/programmes/services/plans.hpp"
#include "platform/http/app.hpp"

namespace ateliers::web::programmes_pages {

// Null for an action that is not a flagship. `problem`: why the last attempt failed.
nlohmann::json flagship_view(const App& app, const services::PlanActionView& v, const std::string& problem);

}  // namespace ateliers::web::programmes_pages
