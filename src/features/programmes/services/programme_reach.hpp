#pragma once
// The programmes' part of the agency report and of the territory page (module hooks).
#include <soci/soci.h>

#include <string>
#include <vector>

#include "platform/core/reach.hpp"

namespace ateliers::services {

// Programmes running during the period: territories accompanied, their plan actions by
// status, diagnostics and annual reviews completed in the period.
modules::ReportSection programme_report_section(soci::session& sql, const modules::ReportPeriod& period);

// The collectivités' territories in programmes: team, plan actions, reviews done.
std::vector<modules::TerritoryParticipation> programme_territory_activity(
    soci::session& sql, const std::vector<std::string>& collectivite_ids);

}  // namespace ateliers::services
