#pragma once
// The programme's members as the ANCT manages them in the web interface: who holds
// which role where (territory team, provider, programme manager), invitations by e-mail
// (services/programme_admin: invite_programme_member) and revocation.
#include <string>
#include <vector>

#include "features/programmes/store/programmes.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct ProgrammeMembersView {
    store::ProgrammeRow programme;
    std::vector<store::ProgrammeMemberRow> members;             // by territory, role, e-mail
    std::vector<store::ProgrammeTerritoryRow> territories;      // to label and to choose
};

// The ANCT only (programmes::can_manage_programme).
Result<ProgrammeMembersView> programme_members_view(store::Database& db, const CurrentUser& actor, const std::string& slug);

// Takes the role away at once: the person's next page no longer shows the territory.
// Revoking one's own manager role is refused, so that a programme keeps someone to run it.
Status revoke_programme_member(store::Database& db, const CurrentUser& actor, const std::string& slug, long long member_id);

}  // namespace ateliers::services
