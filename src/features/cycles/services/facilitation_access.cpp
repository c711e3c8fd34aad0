#include "features/cycles/services/facilitation_access.hpp"

#include "features/cycles/store/facilitation.hpp"

namespace ateliers::services {

bool can_facilitate(store::Database& db, const CurrentUser& user, const std::string& cycle_slug) {
    if (user.has_role("organiser") || user.has_role("admin") || user.has_role("facilitator:" + cycle_slug))
        return true;
    return store::with_session(
        db, [&](soci::session& sql) { return store::is_linked_facilitator(sql, cycle_slug, user.id); });
}

bool is_hidden_draft(store::Database& db, const CurrentUser& user, const std::string& cycle_slug) {
    const bool draft =
        store::with_session(db, [&](soci::session& sql) { return store::is_draft_cycle(sql, cycle_slug); });
    return draft && !can_facilitate(db, user, cycle_slug);
}

}  // namespace ateliers::services
