#pragma once
// Who may give or take away which platform role: the one home of that rule, used by the
// command line (`ateliers user grant`) and the organisers' page /admin/roles.
// Pure functions, no I/O.
#include <string>
#include <vector>

namespace ateliers::role_grants {

// Who is asking. The command line runs with the server's own rights (whoever can run it
// can already open the database), so it may give every role.
enum class Granter { command_line, admin, organiser, nobody };

// From the roles of the account asking ("admin", "organiser"…): admin wins over organiser.
Granter granter_of(const std::vector<std::string>& roles);

// The roles a granter may give or take away:
//   command line and admin: participant, facilitator, organiser, admin;
//   organiser: facilitator and organiser (naming an administrator is an admin's call);
//   nobody: none.
bool may_grant(Granter granter, const std::string& role);

// The roles offered on the web page, in the order shown ("participant" is every account's).
std::vector<std::string> grantable_roles(Granter granter);

// Why this revocation is refused, in French; empty when it may go ahead.
// `own`: the person asking takes the role away from themself; `other_admins`: how many
// other accounts hold the admin role. Nobody revokes their own last admin role: the
// platform would be left without anyone able to name an administrator.
std::string revoke_refusal(Granter granter, const std::string& role, bool own, long long other_admins);

// "Équipe d’organisation" for "organiser"; the code itself when unknown.
std::string role_label(const std::string& role);

}  // namespace ateliers::role_grants
