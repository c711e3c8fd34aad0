#include "platform/auth/role_grants.hpp"

#include <algorithm>

namespace ateliers::role_grants {

namespace {
bool holds(const std::vector<std::string>& roles, const char* role) {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}
}  // namespace

Granter granter_of(const std::vector<std::string>& roles) {
    if (holds(roles, "admin")) return Granter::admin;
    if (holds(roles, "organiser")) return Granter::organiser;
    return Granter::nobody;
}

bool may_grant(Granter granter, const std::string& role) {
    const auto offered = grantable_roles(granter);
    if (std::find(offered.begin(), offered.end(), role) != offered.end()) return true;
    return role == "participant" && (granter == Granter::command_line || granter == Granter::admin);
}

std::vector<std::string> grantable_roles(Granter granter) {
    switch (granter) {
        case Granter::command_line:
        case Granter::admin: return {"organiser", "facilitator", "admin"};
        case Granter::organiser: return {"organiser", "facilitator"};
        case Granter::nobody: return {};
    }
    return {};
}

std::string revoke_refusal(Granter granter, const std::string& role, bool own, long long other_admins) {
    if (!may_grant(granter, role)) {
        if (granter == Granter::organiser && role == "admin")
            return "Seule une personne administratrice peut retirer le rôle d’administration.";
        return "Vous ne pouvez pas retirer ce rôle.";
    }
    if (role == "participant") return "Le rôle de participant appartient à tout compte : il ne se retire pas.";
    if (own && role == "admin" && other_admins == 0)
        return "Vous êtes la seule personne administratrice : nommez-en une autre avant de retirer votre propre rôle.";
    return {};
}

std::string role_label(const std::string& role) {
    if (role == "organiser") return "Équipe d’organisation";
    if (role == "admin") return "Administration";
    if (role == "facilitator") return "Animation d’un cycle";
    if (role == "participant") return "Participant·e";
    return role;
}

}  // namespace ateliers::role_grants
