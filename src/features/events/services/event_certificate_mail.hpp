#pragma once
// The attendance certificate sent by e-mail on the person's request, the PDF attached.
// Who may have it is the download's rule (my_event_certificate); the web layer prints
// the PDF and hands it here to be queued in the outbox.
#include <cstdint>
#include <string>

#include "features/events/services/event_documents.hpp"
#include "platform/core/result.hpp"
#include "platform/mail/outbox.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct CertificateMailed {
    std::string recipient;
    std::int64_t queued_at = 0;
};

// Queues one e-mail to the registration's address with `pdf` attached as `file_name`.
// Asked again within events::certificate_mail_interval_seconds: conflict, in French,
// "déjà envoyée à HH:MM", and nothing is queued.
Result<CertificateMailed> mail_event_certificate(store::Database& db, const MailContext& ctx,
                                                 const EventCertificate& certificate, const std::string& pdf,
                                                 const std::string& file_name, std::int64_t now);

}  // namespace ateliers::services
