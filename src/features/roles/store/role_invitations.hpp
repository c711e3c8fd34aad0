#pragma once
// Invitations by e-mail to someone without an account (migration 021): only the link's
// hash is stored.
#include <soci/soci.h>

#include <optional>
#include <string>

namespace ateliers::store {

struct RoleInvitationRow {
    long long id = 0;
    std::string email;
    std::string role;  // facilitator | provider
    long long cycle_id = 0;
    long long programme_id = 0;
    long long territory_id = 0;
    long long invited_by = 0;
    long long created_at = 0;
    long long expires_at = 0;
    std::optional<long long> used_at;
};

long long insert_role_invitation(soci::session& sql, const RoleInvitationRow& row, const std::string& token_hash);
std::optional<RoleInvitationRow> find_role_invitation(soci::session& sql, const std::string& token_hash);
// Marks it used unless it already is; false when another request used it first.
bool use_role_invitation(soci::session& sql, long long id, long long now);

}  // namespace ateliers::store
