#pragma once
// Adjustments to the plan decided at an annual review (added, changed, dropped,
// postponed), each with its reason.
#include <soci/soci.h>

#include <string>
#include <vector>

namespace ateliers::store {

struct ReviewAdjustmentRow {
    long long id = 0;
    long long assessment_id = 0;
    long long action_id = 0;  // 0: no action of the plan named
    std::string kind;         // added | changed | dropped | postponed
    std::string title;
    std::string reason;
    long long created_at = 0;
};

long long insert_review_adjustment(soci::session& sql, const ReviewAdjustmentRow& a, long long now);
std::vector<ReviewAdjustmentRow> review_adjustments_of(soci::session& sql, long long assessment_id);  // in order

}  // namespace ateliers::store
