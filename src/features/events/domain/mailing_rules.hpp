#pragma once
// Who an organisers' e-mail goes to, and what a sendable one holds: pure, unit-tested.
#include <map>
#include <optional>
#include <string>

namespace ateliers::events {

// Every confirmed registrant, those holding a seat in one workshop, or the event's waiting list.
enum class MailingAudience { confirmed, workshop, waiting };

struct MailingTarget {
    MailingAudience audience = MailingAudience::confirmed;
    long long workshop_id = 0;  // for MailingAudience::workshop
};

// "inscrits", "attente", "atelier-ID" (the values of the form's select); nullopt otherwise.
std::optional<MailingTarget> parse_mailing_target(const std::string& typed);
std::string mailing_target_code(const MailingTarget& t);

inline constexpr std::size_t max_mailing_subject = 200;
inline constexpr std::size_t max_mailing_body = 20000;

// Field -> French message ("audience", "subject", "body"); empty when sendable.
std::map<std::string, std::string> mailing_problems(const std::string& audience, const std::string& subject,
                                                    const std::string& body);

}  // namespace ateliers::events
