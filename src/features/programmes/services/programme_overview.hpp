#pragma once
// The programme's page: its public part (what it is, its territories) for everyone, and
// what the person asking may open: their territories' workspaces, and for the ANCT each
// territory's stage.
#include <string>
#include <vector>

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
};

struct ProgrammeOverview {
    store::ProgrammeRow programme;
    std::vector<TerritoryOverview> territories;
    int criteria = 0;  // criteria of the latest grid
    bool manages = false;
};

// `user` null: an anonymous visitor, who sees the public part only.
Result<ProgrammeOverview> programme_overview(store::Database& db, const CurrentUser* user, const std::string& slug);

}  // namespace ateliers::services
