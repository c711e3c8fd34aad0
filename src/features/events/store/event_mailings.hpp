#pragma once
// Organisers' e-mails to registrants: who receives one, and the record that makes a
// second submission of the same form a no-op.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

struct MailingRecipientRow {
    std::string email;
    std::string full_name;
};
// audience: "confirmed" (status confirmed), "waiting" (status waiting) or "workshop" (confirmed
// and holding a seat in `item_id`); by name.
std::vector<MailingRecipientRow> event_mailing_recipients(soci::session& sql, long long event_id, const std::string& audience,
                                                          long long item_id);

// False when a mailing with this token was already recorded (nothing inserted).
bool record_event_mailing(soci::session& sql, const std::string& token, long long event_id, const std::string& audience,
                          const std::string& subject, int recipients, long long sent_by, long long now);
// The recipients count of an already recorded mailing.
std::optional<int> event_mailing_recipients_count(soci::session& sql, const std::string& token);

}  // namespace ateliers::store
