#pragma once
// Who may see and do what on a territorial project, as pure functions so the whole table
// is unit-tested (tests/unit/project_rules_test.cpp). The platform's organiser role comes
// in already read (permissions::can_organise); membership comes from the project's members.
#include <string>

namespace ateliers::projects {

enum class Membership { none, team, advisor };

struct Viewer {
    bool organiser = false;            // ANCT team: every project
    std::string collectivite_id;       // the account's collectivité
    Membership membership = Membership::none;  // on this very project
};

// A territory sees its own projects; advisors and team members theirs; organisers all.
bool can_view(const Viewer& v, const std::string& project_territory_id);
// Drafts and submissions: the territory team (co-authors).
bool can_write(const Viewer& v);
// Comments and decisions: the project's advisors (ANCT or provider) and organisers.
bool can_review(const Viewer& v);
// Create projects and add members: organisers.
bool can_manage(const Viewer& v);

Membership parse_membership(const std::string& role);  // "team" | "advisor", else none

}  // namespace ateliers::projects
