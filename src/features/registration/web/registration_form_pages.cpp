#include <nlohmann/json.hpp>

#include "features/registration/services/registration_on_behalf.hpp"
#include "features/registration/services/registrations.hpp"
#include "features/registration/services/seat_alerts.hpp"
#include "platform/referential/web/collectivite_picker.hpp"
#include "features/cycles/web/cycle_view.hpp"
#include "platform/http/form_view.hpp"
#include "platform/http/handlers.hpp"
#include "features/registration/web/registration_pages.hpp"
#include "platform/http/failure_status.hpp"

namespace ateliers::web {

namespace {

Response login_first(const std::string& slug) {
    return redirect_to("/compte/connexion?suivant=" + url_encode("/cycles/" + slug + "/inscription"));
}

Response form_page(const App& app, Visitor& visitor, const services::CycleDetail& d, const FormFields& values,
                   nlohmann::json picker, const std::map<std::string, std::string>& errors, int status,
                   bool on_behalf = false) {
    const auto error_view = form_errors_view(
        errors.empty() ? ""
        : on_behalf    ? "L’inscription n’est pas enregistrée : corrigez les points signalés."
                       : "Votre inscription n’est pas enregistrée : corrigez les points signalés.",
        errors);
    if (errors.count("collectivite")) picker["problem"] = errors.at("collectivite");
    const auto mandate = field(values, "mandate");
    return app.page(visitor, "registration/registration_form",
                    {{"title", (on_behalf ? "Inscrire une personne – " : "S’inscrire – ") + d.summary.title},
                     {"on_behalf", on_behalf},
                     {"action", on_behalf ? "/admin/cycles/" + d.summary.slug + "/inscrire"
                                          : "/cycles/" + d.summary.slug + "/inscription"},
                     {"cycle", cycle_card(d.summary, store::now_utc_seconds())},
                     {"application_mode", d.summary.mode == registration::Mode::application},
                     {"picker_html", app.fragment("collectivite_picker", picker)},
                     {"values",
                      {{"situation", field(values, "situation")},
                       {"email", field(values, "email")},
                       {"function_title", field(values, "function_title")},
                       {"mandate_elu", mandate == "elu"},
                       {"mandate_agent", mandate == "agent"},
                       {"attend", field(values, "engagement_presence") == "1"},
                       {"share", field(values, "engagement_situation") == "1"},
                       {"camera", field(values, "engagement_camera") == "1"}}},
                     {"errors", error_view}},
                    status);
}

std::optional<services::CycleDetail> load(const App& app, const std::string& slug) {
    auto detail = services::cycle_detail(app.db(), slug);
    if (!detail || !detail.value()) return std::nullopt;
    return *detail.value();
}

}  // namespace

Response registration_form(const App& app, const Request&, Visitor& visitor, const std::string& slug) {
    if (!visitor.user) return login_first(slug);
    const auto d = load(app, slug);
    if (!d) return app.error_page(visitor, 404, "Cycle introuvable", "Ce cycle n’existe pas ou n’est plus publié.");
    const FormFields prefill{{"mandate", visitor.user->mandate}, {"function_title", visitor.user->function_title}};
    return form_page(app, visitor, *d, prefill, collectivite_picker_view(app.db(), visitor.user->collectivite_id, ""),
                     {}, 200);
}

Response registration_submit(const App& app, const Request&, Visitor& visitor, const FormFields& form,
                             const std::string& slug) {
    if (!visitor.user) return login_first(slug);
    const auto d = load(app, slug);
    if (!d) return app.error_page(visitor, 404, "Cycle introuvable", "Ce cycle n’existe pas ou n’est plus publié.");
    auto picked = pick_collectivite(app.db(), form);
    services::RegistrationRequest request{slug, picked.id,
                                          {field(form, "situation"), field(form, "mandate"), field(form, "function_title"),
                                           field(form, "engagement_presence") == "1",
                                           field(form, "engagement_situation") == "1",
                                           field(form, "engagement_camera") == "1"}};
    std::map<std::string, std::string> errors;
    if (!picked.problem.empty()) errors["collectivite"] = picked.problem;
    auto outcome = errors.empty()
                       ? services::register_for_cycle(app.db(), *visitor.user, request, app.mail_context())
                       : Result<services::RegistrationOutcome>(fail("", {}, FailureKind::invalid));
    if (outcome) {
        std::string target = "/espace?inscription=" + std::string(registration::status_code(outcome->status)) +
                             "&cycle=" + url_encode(slug);
        if (!outcome->warnings.empty()) target += "&chevauchement=1";
        return redirect_to(target);
    }
    const auto& f = outcome.failure();
    if (f.kind == FailureKind::technical) return app.error_page(visitor, http_status(f), "Erreur technique", f.message);
    for (const auto& [k, v] : f.fields) errors.emplace(k, v);
    if (errors.empty()) errors["form"] = f.message;
    return form_page(app, visitor, *d, form, picked.view, errors, f.kind == FailureKind::not_found ? 404 : (f.kind == FailureKind::conflict ? 409 : 422));
}

Response seat_alert_submit(const App& app, const Request&, Visitor& visitor, const FormFields&,
                           const std::string& slug) {
    if (!visitor.user) return redirect_to("/compte/connexion?suivant=" + url_encode("/cycles/" + slug));
    auto done = services::request_seat_alert(app.db(), *visitor.user, slug);
    if (done) return redirect_to("/cycles/" + slug + "#place-collectivite");
    const auto& f = done.failure();
    if (f.kind == FailureKind::technical) return app.error_page(visitor, http_status(f), "Erreur technique", f.message);
    return app.error_page(visitor, http_status(f), f.kind == FailureKind::not_found ? "Cycle introuvable" : "Demande non enregistrée",
                          f.message);
}

namespace admin {

// GET /admin/cycles/SLUG/inscrire: the registration form, filled by an organiser for someone.
Response on_behalf_form(const App& app, const Request&, Visitor& visitor, const std::string& slug) {
    const auto d = load(app, slug);
    if (!d) return app.error_page(visitor, 404, "Cycle introuvable", "Ce cycle n’existe pas ou n’est plus publié.");
    return form_page(app, visitor, *d, {}, collectivite_picker_view(app.db(), "", ""), {}, 200, true);
}

Response on_behalf_submit(const App& app, const Request&, Visitor& visitor, const FormFields& form,
                          const std::string& slug) {
    const auto d = load(app, slug);
    if (!d) return app.error_page(visitor, 404, "Cycle introuvable", "Ce cycle n’existe pas ou n’est plus publié.");
    auto picked = pick_collectivite(app.db(), form);
    services::RegistrationRequest request{slug, picked.id,
                                          {field(form, "situation"), field(form, "mandate"), field(form, "function_title"),
                                           field(form, "engagement_presence") == "1",
                                           field(form, "engagement_situation") == "1",
                                           field(form, "engagement_camera") == "1"}};
    std::map<std::string, std::string> errors;
    if (!picked.problem.empty()) errors["collectivite"] = picked.problem;
    auto outcome = errors.empty() ? services::register_on_behalf(app.db(), *visitor.user, field(form, "email"), request,
                                                                 app.mail_context())
                                  : Result<services::RegistrationOutcome>(fail("", {}, FailureKind::invalid));
    if (outcome) return redirect_to("/admin/cycles/" + slug + "/inscriptions?fait=inscrit&id=" +
                                    std::to_string(outcome->registration_id));
    const auto& f = outcome.failure();
    if (f.kind == FailureKind::technical || f.kind == FailureKind::forbidden)
        return app.error_page(visitor, http_status(f), "Inscription non enregistrée", f.message);
    for (const auto& [k, v] : f.fields) errors.emplace(k, v);
    if (!f.field.empty()) errors.emplace(f.field, f.message);
    if (errors.empty()) errors["form"] = f.message;
    return form_page(app, visitor, *d, form, picked.view, errors, http_status(f), true);
}

}  // namespace admin

}  // namespace ateliers::web
