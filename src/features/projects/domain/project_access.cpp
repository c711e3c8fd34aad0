#include "features/projects/domain/project_access.hpp"

namespace ateliers::projects {

bool can_view(const Viewer& v, const std::string& project_territory_id) {
    if (v.organiser || v.membership != Membership::none) return true;
    return !v.collectivite_id.empty() && v.collectivite_id == project_territory_id;
}

bool can_write(const Viewer& v) { return v.membership == Membership::team; }

bool can_review(const Viewer& v) { return v.organiser || v.membership == Membership::advisor; }

bool can_manage(const Viewer& v) { return v.organiser; }

Membership parse_membership(const std::string& role) {
    if (role == "team") return Membership::team;
    if (role == "advisor") return Membership::advisor;
    return Membership::none;
}

}  // namespace ateliers::projects
