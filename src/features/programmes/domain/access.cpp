#include "features/programmes/domain/access.hpp"

#include <algorithm>

namespace ateliers::programmes {

const char* role_code(Role r) {
    switch (r) {
        case Role::territory_team: return "territory_team";
        case Role::provider: return "provider";
        case Role::manager: return "manager";
    }
    return "territory_team";
}

bool parse_role(const std::string& s, Role& out) {
    for (Role r : {Role::territory_team, Role::provider, Role::manager})
        if (s == role_code(r)) {
            out = r;
            return true;
        }
    return false;
}

const char* role_label(Role r) {
    switch (r) {
        case Role::territory_team: return "Équipe du territoire";
        case Role::provider: return "Prestataire";
        case Role::manager: return "Chargé·e de programme ANCT";
    }
    return "";
}

namespace {

bool holds(const Viewer& v, Role role, long long territory_id) {
    return std::any_of(v.memberships.begin(), v.memberships.end(), [&](const Membership& m) {
        return m.role == role && m.territory_id == territory_id && territory_id != 0;
    });
}

}  // namespace

bool manages(const Viewer& v) {
    return v.organiser || std::any_of(v.memberships.begin(), v.memberships.end(),
                                      [](const Membership& m) { return m.role == Role::manager; });
}

bool can_read_territory(const Viewer& v, long long territory_id) {
    return manages(v) || holds(v, Role::territory_team, territory_id) || holds(v, Role::provider, territory_id);
}

bool can_rate(const Viewer& v, long long territory_id) {
    return manages(v) || holds(v, Role::provider, territory_id);
}

bool can_edit_plan(const Viewer& v, long long territory_id) { return can_read_territory(v, territory_id); }

bool can_adopt_plan(const Viewer& v, long long territory_id) {
    return manages(v) || holds(v, Role::territory_team, territory_id);
}

bool can_read_note(const Viewer& v, long long territory_id, NoteVisibility visibility) {
    if (visibility == NoteVisibility::internal) return manages(v);
    return can_read_territory(v, territory_id);
}

bool can_write_note(const Viewer& v, long long territory_id, NoteVisibility visibility) {
    if (visibility == NoteVisibility::internal) return manages(v);
    return manages(v) || holds(v, Role::provider, territory_id);
}

bool can_manage_programme(const Viewer& v) { return manages(v); }

bool can_read_dashboard(const Viewer& v) { return manages(v); }

}  // namespace ateliers::programmes
