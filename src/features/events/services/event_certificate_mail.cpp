#include "features/events/services/event_certificate_mail.hpp"

#include "features/events/domain/certificate_mail_rules.hpp"
#include "features/events/store/event_checkins.hpp"
#include "platform/core/paris_time.hpp"

namespace ateliers::services {

Result<CertificateMailed> mail_event_certificate(store::Database& db, const MailContext& ctx,
                                                 const EventCertificate& certificate, const std::string& pdf,
                                                 const std::string& file_name, std::int64_t now) {
    const auto& e = certificate.event;
    const auto& r = certificate.registration;
    return store::in_transaction<CertificateMailed>(db, [&](soci::session& sql) -> Result<CertificateMailed> {
        const auto last = store::certificate_mailed_at(sql, db.dialect() == store::Dialect::postgresql, r.id);
        if (!events::may_mail_certificate(last, now))
            return fail("Votre attestation vous a déjà été envoyée à " + paris_time::time_of_day(*last) + " à l’adresse " +
                            r.email + ". Consultez votre messagerie (et les indésirables) avant de la redemander.",
                        {}, FailureKind::conflict);
        auto mail = compose_mail(r.email, "Votre attestation de présence – " + e.title, "Bonjour " + r.full_name + ",",
                                 {"Vous trouverez en pièce jointe votre attestation de présence à « " + e.title + " »."},
                                 "L’événement", ctx.base_url + "/evenements/" + e.slug);
        mail.attachments.push_back({file_name, "application/pdf", pdf});
        enqueue_mail(sql, mail);
        store::record_certificate_mailed(sql, r.id, now);
        return CertificateMailed{r.email, now};
    });
}

}  // namespace ateliers::services
