// /admin/cycles/SLUG/message: organisers write to the people of a cycle. The form
// shows how many people each choice reaches; "Prévisualiser" shows the message as
// it will leave, "Envoyer" queues it. Whatever was typed stays on every answer.
#include <nlohmann/json.hpp>

#include "features/cycles/services/cycle_messages.hpp"
#include "platform/http/admin_routes.hpp"
#include "platform/http/form_view.hpp"
#include "features/cycles/web/cycle_pages.hpp"
#include "platform/http/failure_status.hpp"

namespace ateliers::web::admin {

namespace {

using nlohmann::json;
using cycle_message::Audience;

std::string people_text(int n) { return std::to_string(n) + (n > 1 ? " personnes" : " personne"); }

Response render(const App& app, const Visitor& visitor, const services::MessageAudiences& a,
                const cycle_message::Draft& draft, const std::map<std::string, std::string>& errors, json extra,
                int status) {
    json choices = json::array();
    for (auto audience : {Audience::confirmed, Audience::waiting, Audience::all}) {
        const auto code = cycle_message::audience_code(audience);
        choices.push_back({{"value", code},
                           {"label", cycle_message::audience_label(audience)},
                           {"count_text", people_text(a.counts.at(audience))},
                           {"checked", draft.audience == code}});
    }
    json view{{"title", "Écrire aux participants – " + a.cycle.title + " – Administration"},
              {"cycle", {{"slug", a.cycle.slug}, {"title", a.cycle.title}, {"status", status_badge(a.cycle.status)}}},
              {"subject", draft.subject},
              {"text", draft.text},
              {"choices", choices},
              {"max_subject", cycle_message::max_subject_chars},
              {"max_text", cycle_message::max_text_chars},
              {"errors", form_errors_view(errors.empty() ? "" : "Le message n’est pas parti : corrigez les points "
                                                                 "signalés.",
                                          errors)}};
    for (auto& [key, value] : extra.items()) view[key] = value;
    return app.page(visitor, "cycles/admin_cycle_message", view, status);
}

Result<services::MessageAudiences> audiences(const App& app, const std::string& slug) {
    auto a = services::message_audiences(app.db(), slug);
    if (!a) return a.failure();
    if (!a.value()) return fail("Ce cycle n’existe pas.", {}, FailureKind::not_found);
    return *a.value();
}

}  // namespace

Response message_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug) {
    auto a = audiences(app, slug);
    if (!a) return service_error(app, visitor, a.failure());
    json extra = json::object();
    const auto sent = req.query_param("envoye");
    if (!sent.empty() && sent.find_first_not_of("0123456789") == std::string::npos && sent.size() < 7)
        extra["notice"] = "Votre message est envoyé à " + people_text(std::stoi(sent)) +
                          ". Les e-mails partent dans les minutes qui suivent ; l’envoi est inscrit au journal.";
    return render(app, visitor, a.value(), {"", "", "confirmes"}, {}, extra, 200);
}

Response message_submit(const App& app, const Request&, Visitor& visitor, const FormFields& form,
                        const std::string& slug) {
    auto a = audiences(app, slug);
    if (!a) return service_error(app, visitor, a.failure());
    const cycle_message::Draft draft{field(form, "objet"), field(form, "texte"), field(form, "destinataires")};
    if (field(form, "action") == "apercu") {
        auto errors = cycle_message::validate(draft);
        if (!errors.empty()) return render(app, visitor, a.value(), draft, errors, json::object(), 422);
        Audience audience;
        cycle_message::parse_audience(draft.audience, audience);
        // Lines kept as typed inside a paragraph, as in the text of the e-mail.
        json paragraphs = json::array();
        for (const auto& p : cycle_message::paragraphs(draft.text)) {
            json lines = json::array();
            std::size_t start = 0;
            while (start <= p.size()) {
                auto end = p.find('\n', start);
                if (end == std::string::npos) end = p.size();
                lines.push_back({{"text", p.substr(start, end - start)}, {"br", end < p.size()}});
                start = end + 1;
            }
            paragraphs.push_back({{"lines", lines}});
        }
        const int n = a->counts.at(audience);
        return render(app, visitor, a.value(), draft, {},
                      {{"preview",
                        {{"count_text", people_text(n)},
                         {"nobody", n == 0},
                         {"audience", cycle_message::audience_label(audience)},
                         {"subject", draft.subject},
                         {"paragraphs", paragraphs}}}},
                      200);
    }
    auto sent = services::send_cycle_message(app.db(), visitor.user->id, slug, draft, app.mail_context());
    if (!sent) {
        const auto& f = sent.failure();
        if (f.kind == FailureKind::not_found || f.kind == FailureKind::technical) return service_error(app, visitor, f);
        auto errors = f.fields;
        if (errors.empty()) errors[f.field.empty() ? "destinataires" : f.field] = f.message;
        return render(app, visitor, a.value(), draft, errors, json::object(), http_status(f));
    }
    return redirect_to("/admin/cycles/" + slug + "/message?envoye=" + std::to_string(sent.value()));
}

}  // namespace ateliers::web::admin
