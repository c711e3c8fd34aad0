#pragma once
// The platform's own records about a person: the account, its roles, the e-mails sent
// to it; and the account's erasure.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/privacy/personal_data.hpp"

namespace ateliers::store {

struct AccountIdentity {
    std::string email, full_name;
    bool erased = false;
};

std::optional<AccountIdentity> account_identity(soci::session& sql, long long user_id);
std::optional<long long> account_id_by_email(soci::session& sql, const std::string& email);

privacy::DataTable account_profile_table(soci::session& sql, long long user_id);
privacy::DataTable account_roles_table(soci::session& sql, long long user_id);
privacy::DataTable mails_sent_table(soci::session& sql, const std::string& email);

// Revokes sessions, links, API tokens and roles; the account row keeps its collectivité
// and mandate (the agency counts them) under a name and an address that say nothing.
// `who`: the account as read before the erasure (its name and address leave the journal).
void erase_account_row(soci::session& sql, long long user_id, const AccountIdentity& who, std::int64_t now);
// Every message to the address, sent or waiting: nothing more goes to an erased account
// but the confirmation of its erasure, queued afterwards.
void forget_mails_to(soci::session& sql, const std::string& email);

// Accounts not erased whose last sign-in (or creation, if never) is before `idle_before`,
// with no session still valid at `now` and no API token (a key may be in use without a
// sign-in), oldest first.
std::vector<long long> idle_account_ids(soci::session& sql, std::int64_t idle_before, std::int64_t now);
// The journal of e-mails: messages sent before `before` go; how many.
int delete_mails_sent_before(soci::session& sql, std::int64_t before);

}  // namespace ateliers::store
