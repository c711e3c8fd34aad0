#include "platform/auth/permissions.hpp"

#include <algorithm>

namespace ateliers::permissions {

namespace {
constexpr const char* facilitator_prefix = "facilitator:";
}

bool can_organise(const services::CurrentUser& user) { return user.has_role("organiser") || user.has_role("admin"); }

bool has_facilitator_role(const services::CurrentUser& user, long long cycle_id) {
    return user.has_role(facilitator_prefix + std::to_string(cycle_id));
}

bool facilitates_by_role(const services::CurrentUser& user) {
    return can_organise(user) || std::any_of(user.roles.begin(), user.roles.end(), [](const std::string& r) {
               return r.rfind(facilitator_prefix, 0) == 0;
           });
}

}  // namespace ateliers::permissions
