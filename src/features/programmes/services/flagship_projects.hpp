#pragma once
// A flagship action ("projet phare") of a territory's plan is carried by a project of the
// Fabrique des Transitions method (projects module): from the action's page, the people
// who edit the plan start that project — the territory's team become its co-authors,
// its providers and the programme's managers its advisors — or attach a project the
// collectivité already has.
#include <optional>
#include <string>
#include <vector>

#include "features/programmes/store/plans.hpp"
#include "features/projects/services/projects_service.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct ActionProjects {
    std::optional<FlagshipProject> carried;  // the project carrying the action
    std::vector<FlagshipProject> attachable;  // the collectivité's projects carrying no action
};
// Empty for an action of another kind than projet_phare.
Result<ActionProjects> action_projects(store::Database& db, const std::string& collectivite_id,
                                       const store::PlanActionRow& action);

Result<long long> start_action_project(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                       long long territory_id, long long action_id);
Status attach_action_project(store::Database& db, const CurrentUser* actor, const std::string& slug,
                             long long territory_id, long long action_id, long long project_id);

}  // namespace ateliers::services
