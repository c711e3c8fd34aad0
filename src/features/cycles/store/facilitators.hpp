#pragma once
// Facilitators and their accounts: the account linked to a facilitator, and the
// "facilitator" role it holds on each cycle they run.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

// The account's e-mail; nullopt when there is no such account.
std::optional<std::string> account_email(soci::session& sql, long long user_id);

struct AccountRow {
    long long id = 0;
    std::string full_name;
};

std::optional<AccountRow> account_by_email(soci::session& sql, const std::string& email);

// The facilitator's linked account, 0 when none; nullopt when the facilitator does not exist.
std::optional<long long> facilitator_account(soci::session& sql, long long facilitator_id);

// Links the facilitator to the account `user_id`, or to none when `user_id` <= 0.
void set_facilitator_account(soci::session& sql, long long facilitator_id, long long user_id);

// The ids of the cycles the facilitator runs.
std::vector<long long> facilitator_cycle_ids(soci::session& sql, long long facilitator_id);

// The role's scope is the cycle's id (a draft's slug changes with its title).
bool has_facilitator_role(soci::session& sql, long long user_id, long long cycle_id);
void add_facilitator_role(soci::session& sql, long long user_id, long long cycle_id);
void remove_facilitator_role(soci::session& sql, long long user_id, long long cycle_id);

}  // namespace ateliers::store
