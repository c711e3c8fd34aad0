#pragma once
// The events' part of the agency report and of the territory page (module hooks).
#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <vector>

#include "platform/core/reach.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

// Events starting in the period: held, people registered (confirmed) and present
// (checked in), by territory type; the collectivités the people came from.
modules::ReportSection event_report_section(soci::session& sql, const modules::ReportPeriod& period,
                                            std::int64_t now = store::now_utc_seconds());

// Every confirmed registration coming from one of the collectivités.
std::vector<modules::TerritoryParticipation> event_territory_activity(soci::session& sql,
                                                                      const std::vector<std::string>& collectivite_ids);

}  // namespace ateliers::services
