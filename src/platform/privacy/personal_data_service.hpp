#pragma once
// "Mes données": everything the platform holds about one person, and erasing it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/core/result.hpp"
#include "platform/mail/outbox.hpp"
#include "platform/privacy/personal_data.hpp"
#include "platform/privacy/retention_rules.hpp"
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

// The retention rules (privacy/retention_rules.hpp), at `now`: every module blanks the
// texts of what ended more than `text_months` months ago (0: never); accounts nobody
// signed in to for account_idle_months are erased as erase_account does (the agency's
// counts stay), skipping any with a commitment still running, each told by e-mail; sent
// e-mails older than mail_log_months leave the journal. One transaction; a pass that
// changed something writes one line to the audit journal. Cheap when there is nothing
// to do (reads only); a second pass at the same `now` changes nothing.
Result<privacy::RetentionOutcome> apply_retention(store::Database& db,
                                                  const std::vector<privacy::PersonalDataSource>& sources,
                                                  std::int64_t now, int text_months, const MailContext& mail);

}  // namespace ateliers::services
