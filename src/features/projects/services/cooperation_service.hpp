#pragma once
// "Raconter la coopération" (a dated log of reflexive moments) and "évaluer / délibérer
// sur la valeur créée" (dated sessions, one entry per dimension of value). The territory
// team writes; whoever may see the project reads. `actor` null: the command line.
#include <map>
#include <string>
#include <vector>

#include "features/projects/domain/cooperation_log.hpp"
#include "features/projects/domain/project_access.hpp"
#include "features/projects/domain/value_sessions.hpp"
#include "features/projects/store/cooperation.hpp"
#include "features/projects/store/projects.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct CooperationEntryInput {
    std::string happened_on, kind, title, body;  // as typed; the date as 2025-03-14 or 14/03/2025
};
Result<long long> add_cooperation_entry(store::Database& db, const CurrentUser* actor, long long project_id,
                                        const CooperationEntryInput& in);

struct CooperationLogView {
    store::ProjectRow project;
    projects::Viewer viewer;
    std::vector<store::CooperationLogRow> entries;  // most recent first
};
Result<CooperationLogView> project_cooperation_log(store::Database& db, const CurrentUser& user, long long project_id);

// The default dimensions of value, versioned data (data/projects/valeur-v1.json).
struct ValueDimensionSet {
    std::string version;
    std::vector<projects::ValueDimension> dimensions;
    std::map<std::string, std::string> hints;  // by code
};
std::string default_value_dimensions_path();
Result<ValueDimensionSet> load_value_dimensions(const std::string& json_path);

struct ValueSessionInput {
    std::string held_on, participants, conclusions;
    std::map<std::string, projects::ValueEntry> entries;  // by dimension code of the default set
};
Result<long long> add_value_session(store::Database& db, const CurrentUser* actor, long long project_id,
                                    const ValueSessionInput& in);

struct ValueView {
    store::ProjectRow project;
    projects::Viewer viewer;
    ValueDimensionSet dimensions;
    std::vector<store::ValueSessionRow> sessions;  // oldest first; entries in the set's order
    std::vector<projects::ValueComparisonRow> comparison;
};
Result<ValueView> project_value(store::Database& db, const CurrentUser& user, long long project_id);

}  // namespace ateliers::services
