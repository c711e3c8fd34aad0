#pragma once
// Platform roles given and taken away from /admin/roles: organiser, admin, facilitator of
// a cycle. Who may give which role is role_grants' rule (the command line asks it too);
// each change is one transaction with its line in the audit journal.
#include <string>
#include <vector>

#include "features/programmes/store/programmes.hpp"
#include "features/roles/store/staff_roles.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/auth/role_grants.hpp"
#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

// A programme and its territories, for the provider invitation and the link to its members.
struct StaffProgramme {
    store::ProgrammeRow programme;
    std::vector<store::ProgrammeTerritoryRow> territories;
};

struct StaffRolesView {
    std::vector<store::StaffRoleRow> roles;        // by role, then name
    std::vector<store::StaffAccountRow> found;     // accounts matching the search, if any
    std::vector<store::StaffCycleRow> cycles;      // for a facilitator's role
    std::vector<StaffProgramme> programmes;        // programme roles live on their members page
    std::vector<std::string> grantable;            // role_grants::grantable_roles of the actor
};

// `search`: part of an address or a name; fewer than 3 characters searches nothing.
Result<StaffRolesView> staff_roles_view(store::Database& db, const CurrentUser& actor, const std::string& search);

struct StaffRoleChange {
    std::string email;
    std::string role;       // organiser | admin | facilitator
    long long cycle_id = 0;  // facilitator only
};
// The account must exist (to reach someone without one, invite them: role_invitations).
Status grant_staff_role(store::Database& db, const CurrentUser& actor, const StaffRoleChange& change);

// scope: as listed (the cycle's id for a facilitator, empty otherwise).
Status revoke_staff_role(store::Database& db, const CurrentUser& actor, long long user_id, const std::string& role,
                         const std::string& scope);

}  // namespace ateliers::services
