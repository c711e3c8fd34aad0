#include "features/events/services/event_mailing.hpp"

#include "features/events/domain/mailing_rules.hpp"
#include "features/events/store/event_mailings.hpp"
#include "features/events/store/events.hpp"
#include "platform/audit/audit.hpp"
#include "platform/core/text.hpp"

namespace ateliers::services {

namespace {

const char* store_audience(events::MailingAudience a) {
    switch (a) {
        case events::MailingAudience::workshop: return "workshop";
        case events::MailingAudience::waiting: return "waiting";
        case events::MailingAudience::confirmed: break;
    }
    return "confirmed";
}

// Paragraphs as typed: separated by blank lines.
std::vector<std::string> paragraphs_of(const std::string& body) {
    std::vector<std::string> out;
    std::string current, line;
    const auto flush = [&] {
        const auto p = text::trim(current);
        if (!p.empty()) out.push_back(p);
        current.clear();
    };
    for (std::size_t i = 0; i <= body.size(); ++i) {
        if (i == body.size() || body[i] == '\n') {
            if (text::trim(line).empty())
                flush();
            else
                current += (current.empty() ? "" : "\n") + line;
            line.clear();
        } else if (body[i] != '\r') {
            line += body[i];
        }
    }
    flush();
    return out;
}

}  // namespace

Result<std::vector<EventMailingAudience>> event_mailing_audiences(store::Database& db, const std::string& slug) {
    return store::in_transaction<std::vector<EventMailingAudience>>(
        db, [&](soci::session& sql) -> Result<std::vector<EventMailingAudience>> {
            const auto event = store::find_event(sql, db.dialect(), slug, false);
            if (!event) return fail("Événement introuvable.", {}, FailureKind::not_found);
            std::vector<EventMailingAudience> out;
            const auto count = [&](const char* audience, long long item) {
                return static_cast<int>(store::event_mailing_recipients(sql, event->id, audience, item).size());
            };
            out.push_back({"inscrits", "Tous les inscrit·es confirmé·es", count("confirmed", 0)});
            for (const auto& item : store::event_items(sql, event->id))
                if (item.slot_id)
                    out.push_back({"atelier-" + std::to_string(item.id), "Atelier « " + item.title + " »",
                                   count("workshop", item.id)});
            out.push_back({"attente", "Liste d’attente de l’événement", count("waiting", 0)});
            return out;
        });
}

Result<EventMailingOutcome> send_event_mailing(store::Database& db, long long actor_user_id, const std::string& slug,
                                               const EventMailingForm& form, const MailContext& mail) {
    auto problems = events::mailing_problems(form.audience, form.subject, form.body);
    if (!problems.empty()) {
        Failure f{"Cet e-mail n’a pas été envoyé : corrigez les champs signalés.", problems.begin()->first, FailureKind::invalid};
        f.fields = problems;
        return f;
    }
    if (form.token.empty() || form.token.size() > 100)
        return fail("Ce formulaire a expiré : rechargez la page avant d’envoyer.", {}, FailureKind::invalid);
    const auto target = *events::parse_mailing_target(form.audience);
    const auto subject = text::trim(form.subject);
    return store::in_transaction<EventMailingOutcome>(db, [&](soci::session& sql) -> Result<EventMailingOutcome> {
        const auto event = store::find_event(sql, db.dialect(), slug, true);
        if (!event) return fail("Événement introuvable.", {}, FailureKind::not_found);
        if (const auto sent = store::event_mailing_recipients_count(sql, form.token)) return EventMailingOutcome{*sent, true};
        std::string label = target.audience == events::MailingAudience::waiting ? "liste d’attente" : "inscrit·es confirmé·es";
        if (target.audience == events::MailingAudience::workshop) {
            const auto item = store::find_item(sql, target.workshop_id);
            if (!item || item->event_id != event->id || !item->slot_id) {
                Failure f{"Cet atelier n’appartient pas à cet événement.", "audience", FailureKind::invalid};
                f.fields["audience"] = f.message;
                return f;
            }
            label = "atelier « " + item->title + " »";
        }
        const auto recipients = store::event_mailing_recipients(sql, event->id, store_audience(target.audience), target.workshop_id);
        if (recipients.empty()) {
            Failure f{"Personne n’est dans ce groupe pour l’instant : aucun e-mail à envoyer.", "audience", FailureKind::invalid};
            f.fields["audience"] = f.message;
            return f;
        }
        const int n = static_cast<int>(recipients.size());
        if (!store::record_event_mailing(sql, form.token, event->id, events::mailing_target_code(target), subject, n,
                                         actor_user_id, store::now_utc_seconds()))
            return EventMailingOutcome{store::event_mailing_recipients_count(sql, form.token).value_or(n), true};
        const auto paragraphs = paragraphs_of(form.body);
        for (const auto& r : recipients)
            enqueue_mail(sql, compose_mail(r.email, subject, "Bonjour " + r.full_name + ",", paragraphs,
                                           "Voir l’événement « " + event->title + " »",
                                           mail.base_url + "/evenements/" + event->slug));
        record_audit(sql, actor_user_id, "event.mailing", "event:" + event->slug,
                     "E-mail « " + subject + " » envoyé à " + std::to_string(n) + " personne(s) : " + label);
        return EventMailingOutcome{n, false};
    });
}

}  // namespace ateliers::services
