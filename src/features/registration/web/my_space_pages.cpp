#include <nlohmann/json.hpp>

#include "platform/auth/account_rules.hpp"
#include "features/cycles/services/calendar_feeds.hpp"
#include "platform/referential/web/collectivite_picker.hpp"
#include "platform/http/form_view.hpp"
#include "platform/http/handlers.hpp"
#include "features/registration/web/registration_pages.hpp"
#include "platform/modules/module.hpp"
#include "platform/http/failure_status.hpp"

namespace ateliers::web {

namespace {

Response login_required(const Request& req) {
    return redirect_to("/compte/connexion?suivant=" + url_encode(req.path));
}

nlohmann::json space_view(const App& app, const services::CurrentUser& user, const FormFields& values,
                          nlohmann::json picker, const nlohmann::json& errors) {
    if (errors["by_field"].contains("collectivite")) picker["problem"] = errors["by_field"]["collectivite"];
    const auto mandate = values.count("mandate") ? field(values, "mandate") : user.mandate;
    accounts::Mandate m;
    const bool known = accounts::parse_mandate(user.mandate, m);
    return {{"title", "Mon espace – Ateliers des territoires"},
            {"user",
             {{"full_name", user.full_name},
              {"email", user.email},
              {"collectivite", user.collectivite_label},
              {"function_title", user.function_title},
              {"mandate_label", known ? accounts::mandate_label(m) : ""}}},
            {"values",
             {{"full_name", values.count("full_name") ? field(values, "full_name") : user.full_name},
              {"function_title", values.count("function_title") ? field(values, "function_title") : user.function_title},
              {"mandate_elu", mandate == "elu"},
              {"mandate_agent", mandate == "agent"}}},
            {"picker_html", app.fragment("collectivite_picker", picker)},
            {"errors", errors}};
}

}  // namespace

Response my_space(const App& app, const Request& req, Visitor& visitor) {
    if (!visitor.user) return login_required(req);
    auto view = space_view(app, *visitor.user, {}, collectivite_picker_view(app.db(), visitor.user->collectivite_id, ""),
                           form_errors_view("", {}));
    if (req.query_param("enregistre") == "1") view["notice"] = "Vos informations ont été enregistrées.";
    const auto outcome = req.query_param("inscription");
    if (outcome == "confirmed") view["notice"] = "Votre inscription est confirmée. Un e-mail de confirmation vous a été envoyé.";
    if (outcome == "waiting")
        view["notice"] = "Le cycle est complet : vous êtes sur la liste d’attente. Vous serez prévenu par e-mail si une place se libère.";
    if (outcome == "applied")
        view["notice"] = "Votre candidature est enregistrée. Vous serez prévenu par e-mail de la décision.";
    if (req.query_param("chevauchement") == "1")
        view["warning"] = "Attention : une séance de ce cycle a lieu en même temps qu’une séance d’un autre cycle auquel vous êtes inscrit.";
    if (req.query_param("annulation") == "1") view["notice"] = "Votre inscription est annulée. Merci de nous avoir prévenus.";
    if (req.query_param("situation") == "1") view["notice"] = "Votre situation a été enregistrée.";
    if (req.query_param("voeux") == "1") view["notice"] = "L’ordre de vos vœux est enregistré.";
    if (req.query_param("confirme") == "1") view["notice"] = "Votre adresse e-mail est confirmée : vous êtes connecté·e.";
    if (req.query_param("agenda") == "1")
        view["notice"] = "Votre agenda a une nouvelle adresse : l’ancienne ne fonctionne plus. Abonnez de nouveau "
                         "vos agendas à l’adresse ci-dessous.";
    view["registrations"] = my_registrations_view(app, visitor.user->id);
    if (auto token = services::calendar_token(app.db(), visitor.user->id))
        view["calendar_feed"] = app.config().base_url + "/calendrier/" + token.value() + ".ics";
    view["has_registrations"] = !view["registrations"].empty();
    for (const auto& module : app.modules().modules())
        for (const auto& section : module.space_sections) view[section.key] = section.html(app, visitor);
    return app.page(visitor, "registration/my_space", view);
}

Response profile_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form) {
    if (!visitor.user) return login_required(req);
    auto picked = pick_collectivite(app.db(), form);
    std::map<std::string, std::string> errors;
    if (!picked.problem.empty()) {
        errors["collectivite"] = picked.problem;
    } else {
        auto done = services::update_profile(app.db(), visitor.user->id,
                                             {field(form, "full_name"), picked.id, field(form, "mandate"),
                                              field(form, "function_title")});
        if (done) return redirect_to("/espace?enregistre=1");
        if (done.failure().kind == FailureKind::technical)
            return app.error_page(visitor, http_status(done.failure()), "Erreur technique", done.failure().message);
        errors = done.failure().fields;
    }
    return app.page(visitor, "registration/my_space",
                    space_view(app, *visitor.user, form, picked.view,
                               form_errors_view("Vos informations n'ont pas été enregistrées : corrigez les champs "
                                                "signalés.",
                                                errors)),
                    422);
}

// The old address may have been shared by mistake: a new secret makes it worthless.
Response calendar_address_submit(const App& app, const Request& req, Visitor& visitor, const FormFields&) {
    if (!visitor.user) return login_required(req);
    auto rotated = services::rotate_calendar_token(app.db(), visitor.user->id);
    if (!rotated) return app.error_page(visitor, http_status(rotated.failure()), "Erreur technique", rotated.failure().message);
    return redirect_to("/espace?agenda=1#agenda");
}

}  // namespace ateliers::web
