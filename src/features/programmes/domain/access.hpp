#pragma once
// Who may see and do what in an accompaniment programme, as pure functions. The
// platform's organisers (permissions::can_organise) are passed in as a flag so that this
// file stays free of I/O; the roles below are per programme and, except for the ANCT
// programme manager, per territory.
#include <string>
#include <vector>

namespace ateliers::programmes {

enum class Role { territory_team, provider, manager };
const char* role_code(Role r);
bool parse_role(const std::string& s, Role& out);
const char* role_label(Role r);  // "Équipe du territoire", "Prestataire", "Chargé de programme ANCT"

// One role held by one person in one programme. territory_id is 0 for a manager,
// whose role covers the whole programme; a territory team member or a provider holds
// one Membership per territory.
struct Membership {
    Role role = Role::territory_team;
    long long territory_id = 0;
};

// What we know of the person asking, for one programme.
struct Viewer {
    bool organiser = false;  // the platform's organiser role: manages every programme
    std::vector<Membership> memberships;
};

enum class NoteVisibility { territory, internal };  // shared with the territory / ANCT only

bool manages(const Viewer& v);  // organiser or manager of the programme: sees everything
bool can_read_territory(const Viewer& v, long long territory_id);
// Diagnostic and reviews are filled by the territory's providers (and the ANCT).
bool can_rate(const Viewer& v, long long territory_id);
// The plan is the territory's: its team, its providers and the ANCT edit the draft and
// the follow-ups; adopting it is the territory team's or the ANCT's decision.
bool can_edit_plan(const Viewer& v, long long territory_id);
bool can_adopt_plan(const Viewer& v, long long territory_id);
bool can_read_note(const Viewer& v, long long territory_id, NoteVisibility visibility);
bool can_write_note(const Viewer& v, long long territory_id, NoteVisibility visibility);
// Members, territories, the programme's text: the ANCT only.
bool can_manage_programme(const Viewer& v);
// The private dashboard across territories.
bool can_read_dashboard(const Viewer& v);

}  // namespace ateliers::programmes
