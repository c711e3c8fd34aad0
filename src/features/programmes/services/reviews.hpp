#pragma once
// The annual review of a territory (years 1..3): its re-rating is an assessment like the
// diagnostic (services/assessments); here, the comparison per family with the previous
// assessment (possibly made against another grid version: families are matched by
// code), the adjustments to the plan and the successes to celebrate.
#include <optional>
#include <string>
#include <vector>

#include "features/programmes/domain/grid.hpp"
#include "features/programmes/services/territory_scope.hpp"
#include "features/programmes/store/plans.hpp"
#include "features/programmes/store/reviews.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct ReviewView {
    store::ProgrammeRow programme;
    store::ProgrammeTerritoryRow territory;
    int year = 1;
    bool rated = false;          // the review's assessment exists
    int previous_year = -1;      // the assessment compared with; -1: none
    int grid_version = 0;           // grid versions of this review and of the one compared with (0: none)
    int previous_grid_version = 0;
    std::vector<programmes::FamilyChange> changes;
    std::vector<programmes::GridFamily> families;  // titles for the codes of `changes`
    std::string successes;
    std::vector<store::ReviewAdjustmentRow> adjustments;
    std::vector<store::PlanActionRow> actions;  // to name the action an adjustment is about
    bool can_rate = false;
};

Result<ReviewView> open_review(store::Database& db, const CurrentUser* actor, const std::string& slug,
                               long long territory_id, int year);

struct ReviewAdjustmentInput {
    std::string kind;  // added | changed | dropped | postponed
    std::string title;
    std::string reason;
    long long action_id = 0;
};

// Recorded on a rated review only, by those who rate (providers, ANCT); a reason is required.
Result<long long> add_review_adjustment(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                        long long territory_id, int year, const ReviewAdjustmentInput& input);

}  // namespace ateliers::services
