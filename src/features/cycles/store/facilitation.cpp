#include "features/cycles/store/facilitation.hpp"

namespace ateliers::store {

bool is_linked_facilitator(soci::session& sql, const std::string& cycle_slug, long long user_id) {
    long long linked = 0;
    sql << "SELECT COUNT(*) FROM cycles c JOIN facilitators f ON f.id = c.facilitator_id "
           "WHERE c.slug = :s AND f.user_id = :u",
        soci::use(cycle_slug, "s"), soci::use(user_id, "u"), soci::into(linked);
    return linked > 0;
}

bool is_draft_cycle(soci::session& sql, const std::string& cycle_slug) {
    long long drafts = 0;
    sql << "SELECT COUNT(*) FROM cycles WHERE slug = :s AND status = 'draft'", soci::use(cycle_slug),
        soci::into(drafts);
    return drafts > 0;
}

}  // namespace ateliers::store
