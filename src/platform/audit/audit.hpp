#pragma once
// The back office's audit log: who did what, and when. Entries are written in the
// transaction of the action they record, so the log never claims an action that
// was rolled back.
#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <vector>

#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

// actor_user_id 0 records an action without a known person (command line).
// action: a stable code such as "cycle.publish"; target: "cycle:forets-cooperer",
// "registration:42"; details: a short French sentence for the journal page.
void record_audit(soci::session& sql, long long actor_user_id, const std::string& action, const std::string& target,
                  const std::string& details);

// Replaces every whole mention of `said` (an erased account's name or address) in the
// journal: by `in_details` in the details, by `in_target` in the targets. Whole means
// audit::redact_whole: other people's names that merely contain it stay as written.
void redact_audit_mentions(soci::session& sql, const std::string& said, const std::string& in_details,
                           const std::string& in_target);

struct AuditEntry {
    long long id = 0;
    std::int64_t at = 0;
    std::string actor_name;   // empty when the account no longer exists
    std::string actor_email;
    std::string action;
    std::string target;
    std::string details;
};

// Newest first.
Result<std::vector<AuditEntry>> latest_audit_entries(store::Database& db, int limit);

// "Cycle publié" for "cycle.publish"; the code itself when unknown.
std::string audit_action_label(const std::string& action);

}  // namespace ateliers::services
