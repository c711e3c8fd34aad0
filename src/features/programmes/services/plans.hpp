#pragma once
// A territory's three-year plan: actions of three kinds, their follow-ups (who, when,
// what changed, comment) and the plan's versions. The actions in the tables are the
// working set: before the first adoption they are the draft of the plan, afterwards the
// draft of adjustments, compared with the snapshot of the last adopted version.
// Adopting freezes that snapshot. The territory team, its providers and the ANCT edit;
// the team or the ANCT adopt (programmes::can_edit_plan, can_adopt_plan).
#include <optional>
#include <string>
#include <vector>

#include "features/programmes/domain/grid.hpp"
#include "features/programmes/domain/plan_rules.hpp"
#include "features/programmes/services/territory_scope.hpp"
#include "features/programmes/store/plans.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct PlanView {
    store::ProgrammeRow programme;
    store::ProgrammeTerritoryRow territory;
    std::vector<store::PlanActionRow> actions;
    std::vector<store::PlanVersionRow> versions;
    std::optional<store::PlanVersionRow> adopted;  // the latest adopted version
    std::optional<store::PlanVersionRow> draft;    // the open draft, if any
    std::vector<programmes::PlanChange> changes;   // draft relative to the adopted version
    std::vector<programmes::GridFamily> families;  // of the latest grid: labels and choices
    bool can_edit = false;
    bool can_adopt = false;
};

Result<PlanView> open_plan(store::Database& db, const CurrentUser* actor, const std::string& slug,
                           long long territory_id);

struct PlanActionInput {
    long long id = 0;  // 0: a new action
    std::string title;
    std::string description;
    std::string kind;
    std::vector<int> years;
    std::vector<std::string> families;
    std::string providers;
    std::vector<std::string> field_support;
};

// Creates or changes an action (never its status: that is a follow-up) and opens a draft
// version when none is open. One message per field in error, nothing stored then.
Result<long long> save_plan_action(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                   long long territory_id, const PlanActionInput& input);

struct PlanActionView {
    store::ProgrammeRow programme;
    store::ProgrammeTerritoryRow territory;
    store::PlanActionRow action;
    std::vector<store::ActionFollowUpRow> follow_ups;  // newest first
    std::vector<programmes::Status> next_statuses;
    std::vector<programmes::GridFamily> families;
    bool can_edit = false;
};

Result<PlanActionView> open_plan_action(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                        long long territory_id, long long action_id);

struct FollowUpInput {
    std::string status;  // the status after the follow-up (the same one: no change)
    int progress = 0;
    std::string comment;
};

// Records who changed what and why, and moves the action (programmes::follow_up_problem).
// A follow-up that changes nothing must say something.
Result<long long> record_follow_up(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                   long long territory_id, long long action_id, const FollowUpInput& input);

// Adopts the open draft: the version keeps a snapshot of the actions. Returns its number.
Result<int> adopt_plan(store::Database& db, const CurrentUser* actor, const std::string& slug, long long territory_id);

}  // namespace ateliers::services
