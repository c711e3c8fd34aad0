#pragma once
// What every kind of work reached, gathered from the modules' hooks (registry:
// report_section, territory_activity): the agency report's sections and its headline
// "collectivités touchées", and the territory page of one collectivité.
#include <soci/soci.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "features/reports/domain/territory_reach.hpp"
#include "platform/core/reach.hpp"
#include "platform/core/result.hpp"
#include "platform/export/spreadsheet.hpp"
#include "platform/referential/collectivites.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

using ReachSectionSource = std::function<modules::ReportSection(soci::session&, const modules::ReportPeriod&)>;
using ReachActivitySource =
    std::function<std::vector<modules::TerritoryParticipation>(soci::session&, const std::vector<std::string>&)>;

// Every module's hooks, gathered by cli/modules.cpp once all modules are registered.
struct ReachSources {
    std::vector<ReachSectionSource> sections;
    std::vector<ReachActivitySource> activities;
};

struct AgencyReach {
    std::vector<modules::ReportSection> sections;  // in the modules' order
    reports::CollectivitesReached reached;
};

Result<AgencyReach> agency_reach(store::Database& db, const std::vector<ReachSectionSource>& sources,
                                 const modules::ReportPeriod& period);

// The headline and every section's tables, for the report's CSV and XLSX.
std::vector<spreadsheet::Table> reach_tables(const AgencyReach& reach);

struct TerritoryPage {
    store::CollectiviteRow collectivite;
    std::string label;                           // "CC du Pilat Rhodanien (42) – communauté de communes"
    std::vector<store::CollectiviteRow> members;  // an EPCI's member communes, by name
    std::vector<store::CollectiviteRow> within;   // its EPCI, département, région (nearest first)
    reports::TerritoryOverview overview;
};

// nullopt when no collectivité has this code (store::find_collectivite_by_code).
Result<std::optional<TerritoryPage>> territory_page(store::Database& db, const std::vector<ReachActivitySource>& sources,
                                                   const std::string& code);

// The collectivités a search box names (name or code), best first.
Result<std::vector<store::CollectiviteRow>> territory_search(store::Database& db, const std::string& query);

}  // namespace ateliers::services
