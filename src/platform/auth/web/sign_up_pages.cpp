#include <nlohmann/json.hpp>

#include "platform/auth/accounts.hpp"
#include "platform/referential/web/collectivite_picker.hpp"
#include "platform/http/form_view.hpp"
#include "platform/http/handlers.hpp"
#include "platform/http/failure_status.hpp"

namespace ateliers::web {

namespace {

nlohmann::json sign_up_view(const App& app, const FormFields& form, nlohmann::json picker,
                            const nlohmann::json& errors) {
    const auto mandate = field(form, "mandate");
    if (errors["by_field"].contains("collectivite")) picker["problem"] = errors["by_field"]["collectivite"];
    return {{"title", "Créer un compte – Ateliers des territoires"},
            {"values",
             {{"full_name", field(form, "full_name")},
              {"email", field(form, "email")},
              {"function_title", field(form, "function_title")},
              {"mandate_elu", mandate == "elu"},
              {"mandate_agent", mandate == "agent"}}},
            {"picker_html", app.fragment("collectivite_picker", picker)},
            {"suivant", safe_local_path(field(form, "suivant"), "")},
            {"errors", errors}};
}

nlohmann::json resend_view(const std::string& email, const std::string& next, const nlohmann::json& errors) {
    return {{"title", "Nouveau lien de confirmation – Ateliers des territoires"},
            {"heading", "Recevoir un nouveau lien de confirmation"},
            {"values", {{"email", email}, {"suivant", safe_local_path(next, "")}}},
            {"errors", errors}};
}

}  // namespace

Response sign_up_form(const App& app, const Request& req, Visitor& visitor) {
    if (visitor.user) return redirect_to(safe_local_path(req.query_param("suivant"), "/espace"));
    return app.page(visitor, "sign_up", sign_up_view(app, {{"suivant", req.query_param("suivant")}}, collectivite_picker_view(app.db(), "", ""),
                                                     form_errors_view("", {})));
}

Response sign_up_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form) {
    auto picked = pick_collectivite(app.db(), form);
    accounts::SignUpInput input{field(form, "full_name"),       field(form, "email"),
                                field(form, "password"),        field(form, "password_confirm"),
                                picked.id,                      field(form, "mandate"),
                                field(form, "function_title")};
    auto field_errors = accounts::validate_sign_up(input);
    if (!picked.problem.empty()) field_errors["collectivite"] = picked.problem;
    if (field_errors.empty()) {
        auto done = services::sign_up(app.db(), input, app.mail_context(),
                                      safe_local_path(field(form, "suivant"), ""), req.remote_ip);
        if (done) return redirect_to("/compte/inscription/envoyee");
        const auto& f = done.failure();
        if (f.kind == FailureKind::technical) return app.error_page(visitor, http_status(f), "Erreur technique", f.message);
        // Over the limit: nothing is wrong with the fields, everything typed stays.
        if (f.kind == FailureKind::too_many)
            return app.page(visitor, "sign_up", sign_up_view(app, form, picked.view, form_errors_view(f.message, {})),
                            429);
        field_errors = f.fields;
        if (field_errors.empty()) field_errors["email"] = f.message;
    }
    const auto summary = field_errors.size() > 1
                             ? "Le formulaire contient " + std::to_string(field_errors.size()) +
                                   " erreurs : corrigez les champs signalés."
                             : std::string("Le formulaire contient une erreur : corrigez le champ signalé.");
    return app.page(visitor, "sign_up", sign_up_view(app, form, picked.view, form_errors_view(summary, field_errors)), 422);
}

Response sign_up_sent(const App& app, const Request&, Visitor& visitor) {
    return app.page(visitor, "sign_up_sent", {{"title", "Vérifiez votre messagerie – Ateliers des territoires"}});
}

Response confirm_email_link(const App& app, const Request& req, Visitor& visitor) {
    const auto next = safe_local_path(req.query_param("suivant"), "");
    auto outcome = services::confirm_email(app.db(), req.query_param("jeton"));
    if (outcome) return start_session(visitor, outcome->session_token, next.empty() ? "/espace?confirme=1" : next);
    const auto& f = outcome.failure();
    if (f.kind == FailureKind::technical) return app.error_page(visitor, http_status(f), "Erreur technique", f.message);
    // A second click from the browser the first one logged in: just go on.
    if (visitor.user) return redirect_to(next.empty() ? "/espace" : next);
    auto view = resend_view("", next, form_errors_view("", {}));
    view["heading"] = "Lien de confirmation non valable";
    view["problem"] = f.message;
    return app.page(visitor, "confirm_resend", view, http_status(f));
}

Response resend_confirmation_form(const App& app, const Request& req, Visitor& visitor) {
    return app.page(visitor, "confirm_resend",
                    resend_view(req.query_param("email"), req.query_param("suivant"), form_errors_view("", {})));
}

Response resend_confirmation_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form) {
    const auto email = field(form, "email");
    const auto next = safe_local_path(field(form, "suivant"), "");
    auto done = services::resend_confirmation(app.db(), email, app.mail_context(), req.remote_ip, next);
    if (!done) {
        const auto& f = done.failure();
        if (f.kind == FailureKind::technical) return app.error_page(visitor, http_status(f), "Erreur technique", f.message);
        return app.page(visitor, "confirm_resend", resend_view(email, next, form_errors_view(f.message, f.fields)),
                        http_status(f));
    }
    auto view = resend_view(email, next, form_errors_view("", {}));
    view["sent"] = true;
    return app.page(visitor, "confirm_resend", view);
}

}  // namespace ateliers::web
