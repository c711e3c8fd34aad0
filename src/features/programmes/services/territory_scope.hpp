#pragma once
// The programme, the territory and what the person asking may do there, read once at
// the start of every territory service; refuses (forbidden) anyone who may not read
// the territory's workspace. `actor` null: the command line, allowed everything.
#include <string>

#include "features/programmes/domain/access.hpp"
#include "features/programmes/store/programmes.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct TerritoryScope {
    store::ProgrammeRow programme;
    store::ProgrammeTerritoryRow territory;
    programmes::Viewer viewer;
};

Result<TerritoryScope> territory_scope(soci::session& sql, const CurrentUser* actor, const std::string& slug,
                                       long long territory_id);

// The same in its own transaction, for the territory's workspace page.
Result<TerritoryScope> open_territory(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                      long long territory_id);

}  // namespace ateliers::services
