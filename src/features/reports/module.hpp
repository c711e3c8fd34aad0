#pragma once
// Reports for the agency: one cycle's report and the dashboard across cycles, with
// their exports; the reach of every kind of work (a section per module, "collectivités
// touchées") and one page per territory (/territoires/CODE).
#include "features/reports/services/agency_reach.hpp"
#include "platform/modules/module.hpp"

namespace ateliers::reports {
// `reach`: every other module's report_section and territory_activity, gathered after
// they are all registered (cli/modules.cpp), like the privacy module's personal data.
modules::Module module(services::ReachSources reach);
}
