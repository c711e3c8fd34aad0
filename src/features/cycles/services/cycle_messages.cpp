#include "features/cycles/services/cycle_messages.hpp"

#include <vector>

#include "platform/core/text.hpp"
#include "platform/audit/audit.hpp"
#include "features/cycles/store/cycle_messages.hpp"

namespace ateliers::services {

namespace {

using cycle_message::Audience;

}  // namespace

Result<std::optional<MessageAudiences>> message_audiences(store::Database& db, const std::string& slug) {
    try {
        return store::with_session(db, [&](soci::session& sql) -> std::optional<MessageAudiences> {
            auto cycle = store::find_cycle(sql, db.dialect(), slug, false);
            if (!cycle) return std::nullopt;
            MessageAudiences out{*cycle, {}};
            for (auto a : {Audience::confirmed, Audience::waiting, Audience::all})
                out.counts[a] = store::audience_size(sql, cycle->id, cycle_message::audience_statuses(a));
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<int> send_cycle_message(store::Database& db, long long actor_id, const std::string& slug,
                               const cycle_message::Draft& draft, const MailContext& mail) {
    if (auto errors = cycle_message::validate(draft); !errors.empty()) {
        Failure f{"", errors.begin()->first, FailureKind::invalid, errors};
        // The summary names the first field in the order of the form.
        for (const auto* name : {"destinataires", "objet", "texte"})
            if (errors.count(name)) {
                f.field = name;
                f.message = errors[name];
                break;
            }
        return f;
    }
    Audience audience;
    cycle_message::parse_audience(draft.audience, audience);
    const auto subject = text::trim(draft.subject);
    const auto paragraphs = cycle_message::paragraphs(draft.text);
    return store::in_transaction<int>(db, [&](soci::session& sql) -> Result<int> {
        auto cycle = store::find_cycle(sql, db.dialect(), slug, true);
        if (!cycle) return fail("Ce cycle n’existe pas.", {}, FailureKind::not_found);
        const auto people = store::message_recipients(sql, cycle->id, cycle_message::audience_statuses(audience));
        if (people.empty())
            return fail("Personne ne correspond à ces destinataires pour l’instant : choisissez-en d’autres.",
                        "destinataires", FailureKind::conflict);
        auto body = paragraphs;
        const std::string why = audience == Audience::confirmed ? "inscrit·e au cycle"
                                : audience == Audience::waiting ? "en liste d’attente du cycle"
                                                                : "inscrit·e, en liste d’attente ou candidat·e au cycle";
        body.push_back("Vous recevez ce message de l’équipe des ateliers parce que vous êtes " + why + " « " +
                       cycle->title + " ».");
        const auto link = mail.base_url + "/cycles/" + cycle->slug;
        for (const auto& p : people)
            enqueue_mail(sql, compose_mail(p.email, subject, "Bonjour " + p.full_name + ",", body,
                                           "Voir le cycle « " + cycle->title + " »", link));
        const int n = static_cast<int>(people.size());
        record_audit(sql, actor_id, "cycle.message", "cycle:" + cycle->slug,
                     "« " + subject + " » à " + std::to_string(n) + (n > 1 ? " personnes" : " personne") + " (" +
                         cycle_message::audience_label(audience) + ")");
        return n;
    });
}

}  // namespace ateliers::services
