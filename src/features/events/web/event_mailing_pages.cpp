#include "features/events/web/event_mailing_pages.hpp"

#include "features/events/services/event_mailing.hpp"
#include "features/events/web/event_editor_forms.hpp"
#include "platform/auth/crypto.hpp"
#include "platform/core/text.hpp"
#include "platform/http/failure_status.hpp"

namespace ateliers::web::events_mailing {

namespace {

using events_editor::FieldSpec;

Response failed(const App& app, const Visitor& visitor, const Failure& f) {
    return app.error_page(visitor, http_status(f), f.kind == FailureKind::not_found ? "Introuvable" : "Erreur", f.message);
}

std::string people(int n) { return std::to_string(n) + (n > 1 ? " personnes" : " personne"); }

Response page(const App& app, Visitor& visitor, const std::string& slug, const std::string& token,
              const events_editor::Refusal* refusal, const std::string& done) {
    auto audiences = services::event_mailing_audiences(app.db(), slug);
    if (!audiences) return failed(app, visitor, audiences.failure());
    std::vector<std::pair<std::string, std::string>> options{{"", "Choisissez"}};
    for (const auto& a : audiences.value()) options.push_back({a.code, people(a.recipients) + " : " + a.label});
    const std::vector<FieldSpec> fields{
        {"audience", "Destinataires", "Le nombre de personnes qui recevront l’e-mail suit chaque groupe", FieldSpec::Control::select, 12, options},
        {"subject", "Objet", "", FieldSpec::Control::input, 12},
        {"body", "Texte", "Les paragraphes sont séparés par une ligne vide ; « Bonjour Prénom Nom, » est ajouté au début",
         FieldSpec::Control::textarea, 12}};
    nlohmann::json data{{"title", "E-mail aux inscrit·es – Administration"},
                        {"slug", slug},
                        {"form_html", events_editor::form_html(app, visitor, "email", "/admin/evenements/" + slug + "/email",
                                                               "Envoyer l’e-mail", fields, {{"audience", "inscrits"}}, refusal,
                                                               false, {{"jeton", token}})}};
    if (!done.empty()) data["done"] = done;
    return app.page(visitor, "events/admin_mailing", data, refusal ? 422 : 200);
}

}  // namespace

Response mailing_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug) {
    std::string done;
    if (const auto n = text::parse_bounded_integer(req.query_param("envoye"), 0, 1000000))
        done = "E-mail envoyé à " + people(static_cast<int>(*n)) + " (il part par la file d’envoi dans les minutes qui viennent).";
    if (const auto n = text::parse_bounded_integer(req.query_param("deja"), 0, 1000000))
        done = "Cet e-mail avait déjà été envoyé à " + people(static_cast<int>(*n)) + " : il n’a pas été envoyé une seconde fois.";
    return page(app, visitor, slug, crypto::random_token(), nullptr, done);
}

Response mailing_submit(const App& app, Visitor& visitor, const FormFields& form, const std::string& slug) {
    const services::EventMailingForm typed{field(form, "jeton"), field(form, "audience"), field(form, "subject"), field(form, "body")};
    auto sent = services::send_event_mailing(app.db(), visitor.user->id, slug, typed, app.mail_context());
    if (sent) {
        const auto n = std::to_string(sent->recipients);
        return redirect_to("/admin/evenements/" + slug + "/email?" + (sent->already_sent ? "deja=" : "envoye=") + n);
    }
    const auto& f = sent.failure();
    if (f.kind == FailureKind::not_found) return failed(app, visitor, f);
    auto problems = f.fields;
    if (problems.empty()) problems["subject"] = f.message;
    const events_editor::Refusal refusal{"email", form, problems, f.message};
    // The same token: the form was not sent, so correcting it and sending still sends once.
    return page(app, visitor, slug, typed.token.empty() ? crypto::random_token() : typed.token, &refusal, "");
}

}  // namespace ateliers::web::events_mailing
