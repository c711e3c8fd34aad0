#pragma once
// The French e-mails sent about a registration.
#include <soci/soci.h>

#include <optional>
#include <string>

#include "features/registration/domain/registration_rules.hpp"
#include "platform/mail/outbox.hpp"

namespace ateliers::services {

struct RegistrationMailFacts {
    std::string recipient;
    std::string full_name;
    std::string cycle_title;
    std::string cycle_slug;
    std::string first_session;  // "jeudi 17 décembre 2026 à 13 h 30"
    int waiting_position = 0;
};

enum class RegistrationEvent { received, confirmed, waiting, promoted, declined, cancelled, moved_to_waiting };

// "jeudi 17 décembre 2026 à 13 h 30", or empty when the cycle has no session.
std::string first_session_text(soci::session& sql, long long cycle_id);
// The same from the first session's start (store::first_session_start), already read.
std::string first_session_text(std::optional<long long> first_session_at);

Mail registration_mail(RegistrationEvent event, const RegistrationMailFacts& facts, const MailContext& mail);

}  // namespace ateliers::services
