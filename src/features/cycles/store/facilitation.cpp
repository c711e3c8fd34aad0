#include "features/cycles/store/facilitation.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

std::optional<CycleStanding> cycle_standing(soci::session& sql, const std::string& cycle_slug, long long user_id) {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT c.id AS id, c.status AS status, "
                        "CASE WHEN f.user_id = :u THEN 1 ELSE 0 END AS linked "
                        "FROM cycles c LEFT JOIN facilitators f ON f.id = c.facilitator_id WHERE c.slug = :s",
         soci::use(user_id, "u"), soci::use(cycle_slug, "s"));
    for (const auto& r : rows)
        return CycleStanding{as_int(r, "id"), as_text(r, "status") == "draft", as_int(r, "linked") != 0};
    return std::nullopt;
}

}  // namespace ateliers::store
