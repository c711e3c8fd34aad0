#pragma once
// The cycles' part of the agency report and of the territory page (module hooks): who
// took part, their attendance and the action leads they recorded.
#include <soci/soci.h>

#include <string>
#include <vector>

#include "platform/core/reach.hpp"

namespace ateliers::services {

// Cycles whose first session falls in the period: collectivités reached and action
// leads by status (the rest of the cycles' figures are the dashboard's own).
modules::ReportSection cycle_report_section(soci::session& sql, const modules::ReportPeriod& period);

// One line per cycle and collectivité: participants, attendance, action leads.
std::vector<modules::TerritoryParticipation> cycle_territory_activity(soci::session& sql,
                                                                      const std::vector<std::string>& collectivite_ids);

}  // namespace ateliers::services
