#include "features/programmes/store/reviews.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

long long insert_review_adjustment(soci::session& sql, const ReviewAdjustmentRow& a, long long now) {
    long long id = 0;
    soci::indicator action_ind = a.action_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO review_adjustments (assessment_id, action_id, kind, title, reason, created_at) "
           "VALUES (:a, :act, :k, :t, :r, :now) RETURNING id",
        soci::use(a.assessment_id), soci::use(a.action_id, action_ind), soci::use(a.kind), soci::use(a.title),
        soci::use(a.reason), soci::use(now), soci::into(id);
    return id;
}

std::vector<ReviewAdjustmentRow> review_adjustments_of(soci::session& sql, long long assessment_id) {
    std::vector<ReviewAdjustmentRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, assessment_id, COALESCE(action_id, 0) AS action_id, kind, title, reason, created_at "
                        "FROM review_adjustments WHERE assessment_id = :a ORDER BY id",
         soci::use(assessment_id));
    for (const auto& r : rows)
        out.push_back({as_int(r, "id"), as_int(r, "assessment_id"), as_int(r, "action_id"), as_text(r, "kind"),
                       as_text(r, "title"), as_text(r, "reason"), as_int(r, "created_at")});
    return out;
}

}  // namespace ateliers::store
