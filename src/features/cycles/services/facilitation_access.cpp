#include "features/cycles/services/facilitation_access.hpp"

#include "features/cycles/store/facilitation.hpp"
#include "platform/auth/permissions.hpp"

namespace ateliers::services {

bool can_facilitate(store::Database& db, const CurrentUser& user, const std::string& cycle_slug) {
    if (permissions::can_organise(user) || permissions::has_facilitator_role(user, cycle_slug))
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
