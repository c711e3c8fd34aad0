#pragma once
// The programme's page: its public part (what it is, its territories) for everyone, and
// what the person asking may open: their territories' workspaces, and for the ANCT each
// territory's stage.
#include <map>
#include <string>
#include <vector>

#include "features/programmes/domain/dashboard.hpp"
#include "features/programmes/domain/provider_load.hpp"
#include "features/programmes/store/dashboard.hpp"
#include "features/programmes/store/programmes.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct TerritoryOverview {
    store::ProgrammeTerritoryRow territory;
    bool can_open = false;       // the visitor may open its workspace
    std::string stage;           // "Diagnostic à faire", "Diagnostic en cours (5/15)"…; ANCT only
    int diagnostic_rated = 0;
    int diagnostic_grid_version = 0;  // grid versions used: the diagnostic's, the latest assessment's (0: none)
    int latest_grid_version = 0;
    // The dashboard, ANCT only:
    bool plan_adopted = false;
    std::map<std::string, int> actions_by_status;  // status code → count
    int actions = 0;
    int overdue = 0;  // open actions without a follow-up for programmes::follow_up_overdue_weeks
};

struct ProgrammeOverview {
    store::ProgrammeRow programme;
    std::vector<TerritoryOverview> territories;
    int criteria = 0;  // criteria of the latest grid
    bool manages = false;
    // The dashboard, ANCT only:
    std::map<std::string, int> action_totals;              // status code → count, all territories
    std::vector<store::ProgrammeOpenAction> overdue;       // oldest first
    std::vector<programmes::FamilyProgress> families;      // most progressed first
    std::map<std::string, std::string> family_titles;      // code → title, latest grid
    std::vector<programmes::ProviderLoad> providers;       // most loaded first
};

// Every programme, the latest first: what a programme is and its territories are public.
Result<std::vector<store::ProgrammeRow>> programme_list(store::Database& db);

// `user` null: an anonymous visitor, who sees the public part only.
Result<ProgrammeOverview> programme_overview(store::Database& db, const CurrentUser* user, const std::string& slug);

}  // namespace ateliers::services
