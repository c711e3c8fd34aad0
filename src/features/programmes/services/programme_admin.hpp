#pragma once
// The ANCT's side of a programme: create it, add its territories (collectivités of the
// referential), invite members by e-mail (the invitation goes through the outbox), load
// a version of the know-how grid. One transaction and one audit line per action.
#include <string>

#include "features/programmes/domain/access.hpp"
#include "features/programmes/store/programmes.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/core/result.hpp"
#include "platform/mail/outbox.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

// What one person may do in one programme: the organiser role of the platform plus
// their memberships (by account, or by e-mail while the invitation is not yet tied).
programmes::Viewer programme_viewer(soci::session& sql, const CurrentUser& user, long long programme_id);

// `actor` null: the command line (demo content), allowed everything.
Result<long long> create_programme(store::Database& db, const CurrentUser* actor, const store::ProgrammeRow& programme);
Result<long long> add_programme_territory(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                          const std::string& collectivite_id, bool demo);

struct MemberInvitation {
    std::string email;
    std::string role;  // territory_team | provider | manager
    long long territory_id = 0;
    std::string organisation;
    // False when the caller sends its own mail (the roles module's invitation link).
    bool send_mail = true;
};
Result<long long> invite_programme_member(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                          const MemberInvitation& invitation, const MailContext& mail);

// The same inside the caller's transaction (the roles module's invitations).
Result<long long> add_programme_member(soci::session& sql, const CurrentUser* actor, const std::string& slug,
                                       const MemberInvitation& invitation, const MailContext& mail);

// Reads data/programmes/grille-savoir-faire-vN.json (`path`) and stores it as a new grid
// version, unless that version number is already stored (then its id is returned,
// `created` is false and nothing changes: answers given to it stay as they are).
struct LoadedGrid {
    long long id = 0;
    int version = 0;
    bool created = false;
};
Result<LoadedGrid> load_grid_file(store::Database& db, const std::string& path);

}  // namespace ateliers::services
