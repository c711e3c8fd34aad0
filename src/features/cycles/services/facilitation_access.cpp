#include "features/cycles/services/facilitation_access.hpp"

namespace ateliers::services {

bool can_facilitate(store::Database& db, const CurrentUser& user, const std::string& cycle_slug) {
    if (user.has_role("organiser") || user.has_role("admin") || user.has_role("facilitator:" + cycle_slug))
        return true;
    long long linked = 0;
    store::with_session(db, [&](soci::session& sql) {
        const long long user_id = user.id;
        sql << "SELECT COUNT(*) FROM cycles c JOIN facilitators f ON f.id = c.facilitator_id "
               "WHERE c.slug = :s AND f.user_id = :u",
            soci::use(cycle_slug, "s"), soci::use(user_id, "u"), soci::into(linked);
    });
    return linked > 0;
}

bool is_hidden_draft(store::Database& db, const CurrentUser& user, const std::string& cycle_slug) {
    long long drafts = 0;
    store::with_session(db, [&](soci::session& sql) {
        sql << "SELECT COUNT(*) FROM cycles WHERE slug = :s AND status = 'draft'", soci::use(cycle_slug),
            soci::into(drafts);
    });
    return drafts > 0 && !can_facilitate(db, user, cycle_slug);
}

}  // namespace ateliers::services
