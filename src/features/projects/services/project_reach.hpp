#pragma once
// The projects' part of the agency report and of the territory page (module hooks).
#include <soci/soci.h>

#include <string>
#include <vector>

#include "platform/core/reach.hpp"

namespace ateliers::services {

// Projects under way by the end of the period, by stage; deliverables validated in it.
modules::ReportSection project_report_section(soci::session& sql, const modules::ReportPeriod& period);

// The collectivités' projects: team, stage reached, deliverables validated.
std::vector<modules::TerritoryParticipation> project_territory_activity(soci::session& sql,
                                                                        const std::vector<std::string>& collectivite_ids);

}  // namespace ateliers::services
