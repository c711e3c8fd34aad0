#include "features/cycles/services/facilitation_access.hpp"

#include "features/cycles/store/facilitation.hpp"
#include "platform/auth/permissions.hpp"

namespace ateliers::services {

namespace {

bool may_run(const CurrentUser& user, const store::CycleStanding& cycle) {
    return permissions::can_organise(user) || permissions::has_facilitator_role(user, cycle.cycle_id) ||
           cycle.linked_facilitator;
}

std::optional<store::CycleStanding> standing(store::Database& db, const CurrentUser& user, const std::string& slug) {
    return store::with_session(db, [&](soci::session& sql) { return store::cycle_standing(sql, slug, user.id); });
}

}  // namespace

bool can_facilitate(store::Database& db, const CurrentUser& user, const std::string& cycle_slug) {
    if (permissions::can_organise(user)) return true;
    const auto cycle = standing(db, user, cycle_slug);
    return cycle && may_run(user, *cycle);
}

bool is_hidden_draft(store::Database& db, const CurrentUser& user, const std::string& cycle_slug) {
    const auto cycle = standing(db, user, cycle_slug);
    return cycle && cycle->draft && !may_run(user, *cycle);
}

}  // namespace ateliers::services
