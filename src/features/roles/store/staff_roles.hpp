#pragma once
// The platform roles held by accounts (user_roles), as /admin/roles lists and changes
// them, and the cycles a facilitator's role may name.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

// One role other than "participant" held by one account. For a facilitator, scope is the
// cycle's id and the cycle's slug and title come with it (empty when none is named).
struct StaffRoleRow {
    long long user_id = 0;
    std::string email;
    std::string full_name;
    std::string role;
    std::string scope;
    std::string cycle_slug;
    std::string cycle_title;
};
std::vector<StaffRoleRow> staff_roles(soci::session& sql);  // by role, then name

struct StaffAccountRow {
    long long id = 0;
    std::string email;
    std::string full_name;
};
// Accounts whose address or name contains `query` (lower-cased by the caller), not erased.
std::vector<StaffAccountRow> staff_account_search(soci::session& sql, const std::string& query, int limit);
std::optional<StaffAccountRow> staff_account_by_email(soci::session& sql, const std::string& email);
std::optional<StaffAccountRow> staff_account_by_id(soci::session& sql, long long id);

bool staff_role_exists(soci::session& sql, long long user_id, const std::string& role, const std::string& scope);
void insert_staff_role(soci::session& sql, long long user_id, const std::string& role, const std::string& scope);
bool delete_staff_role(soci::session& sql, long long user_id, const std::string& role, const std::string& scope);
long long count_other_admins(soci::session& sql, long long user_id);

struct StaffCycleRow {
    long long id = 0;
    std::string slug;
    std::string title;
};
std::vector<StaffCycleRow> staff_cycles(soci::session& sql);  // by title
std::optional<StaffCycleRow> staff_cycle(soci::session& sql, long long id);

}  // namespace ateliers::store
