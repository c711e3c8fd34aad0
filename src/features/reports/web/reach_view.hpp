#pragma once
// The agency report's headline "collectivités touchées" and one section per module, as
// the view of templates/reports/reach.mustache.
#include <nlohmann/json.hpp>

#include <vector>

#include "features/reports/services/agency_reach.hpp"
#include "platform/http/app.hpp"

namespace ateliers::web::reports {

// The view of templates/reports/reach.mustache (headline and sections).
nlohmann::json reach_view(const services::AgencyReach& reach);

}  // namespace ateliers::web::reports
