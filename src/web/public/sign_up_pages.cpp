#include <nlohmann/json.hpp>

#include "services/accounts.hpp"
#include "web/collectivite_picker.hpp"
#include "web/form_view.hpp"
#include "web/handlers.hpp"

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

}  // namespace

Response sign_up_form(const App& app, const Request& req, Visitor& visitor) {
    if (visitor.user) return redirect_to(safe_local_path(req.query_param("suivant"), "/espace"));
    return app.page(visitor, "sign_up", sign_up_view(app, {{"suivant", req.query_param("suivant")}}, collectivite_picker_view(app.db(), "", ""),
                                                     form_errors_view("", {})));
}

Response sign_up_submit(const App& app, const Request&, Visitor& visitor, const FormFields& form) {
    auto picked = pick_collectivite(app.db(), form);
    accounts::SignUpInput input{field(form, "full_name"),       field(form, "email"),
                                field(form, "password"),        field(form, "password_confirm"),
                                picked.id,                      field(form, "mandate"),
                                field(form, "function_title")};
    auto field_errors = accounts::validate_sign_up(input);
    if (!picked.problem.empty()) field_errors["collectivite"] = picked.problem;
    if (field_errors.empty()) {
        auto done = services::sign_up(app.db(), input, app.mail_context(),
                                      safe_local_path(field(form, "suivant"), ""));
        if (done) return redirect_to("/compte/inscription/envoyee");
        if (done.failure().status >= 500)
            return app.error_page(visitor, done.failure().status, "Erreur technique", done.failure().message);
        field_errors = done.failure().fields;
        if (field_errors.empty()) field_errors["email"] = done.failure().message;
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
    auto done = services::confirm_email(app.db(), req.query_param("jeton"));
    if (!done)
        return app.error_page(visitor, done.failure().status, "Lien de confirmation non valable",
                              done.failure().message);
    const auto next = safe_local_path(req.query_param("suivant"), "");
    return redirect_to("/compte/connexion?confirme=1" + (next.empty() ? "" : "&suivant=" + url_encode(next)));
}

}  // namespace ateliers::web
