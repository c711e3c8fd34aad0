#pragma once
// "Mes données": everything the platform holds about one person, and erasing it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/core/result.hpp"
#include "platform/mail/outbox.hpp"
#include "platform/privacy/personal_data.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct PersonalDataExport {
    std::string email, full_name;
    std::int64_t generated_at = 0;
    std::vector<privacy::DataTable> tables;  // the account's first, then each module's
};

struct AccountSummary {
    long long id = 0;
    std::string full_name, email;
};

// The account with this address (typed in any case), nullopt when none or erased.
Result<std::optional<AccountSummary>> account_by_email(store::Database& db, const std::string& email);

// not_found for an unknown or already erased account.
Result<PersonalDataExport> personal_data(store::Database& db, long long user_id,
                                         const std::vector<privacy::PersonalDataSource>& sources, std::int64_t now);

// {"personne": {...}, "genere_le": "...", "donnees": {key: {"titre", "lignes": [{heading: value}]}}}
std::string personal_data_json(const PersonalDataExport& data);

// Erases the account (asked by the person, or by an organiser on their request: the
// journal names `actor_id`). Refused (conflict) while a module reports a commitment
// still running, with each one named; otherwise one transaction: the modules forget,
// sessions and tokens go, the account row is anonymised, a confirmation is e-mailed to
// the address it had.
Status erase_account(store::Database& db, long long user_id, long long actor_id,
                     const std::vector<privacy::PersonalDataSource>& sources, const MailContext& mail,
                     std::int64_t now);

// The retention rule: the texts of cycles whose last session ended more than `months`
// months (of 30.44 days) before `now` are blanked by every module; returns how many
// records changed. Cheap when there is nothing to do (reads only).
Result<int> apply_retention(store::Database& db, const std::vector<privacy::PersonalDataSource>& sources,
                            std::int64_t now, int months);

}  // namespace ateliers::services
