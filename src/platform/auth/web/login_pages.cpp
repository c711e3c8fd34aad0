#include <nlohmann/json.hpp>

#include "platform/http/cookies.hpp"
#include "platform/http/form_view.hpp"
#include "platform/http/handlers.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/modules/module.hpp"

namespace ateliers::web {

namespace {

std::string safe_next(const std::string& next) { return safe_local_path(next, "/espace"); }

nlohmann::json login_view(const std::string& email, const std::string& next, const nlohmann::json& errors) {
    return {{"title", "Se connecter – Ateliers des territoires"},
            {"values", {{"email", email}, {"suivant", next}}},
            {"errors", errors}};
}

nlohmann::json forgot_view(const std::string& email, const nlohmann::json& errors) {
    return {{"title", "Mot de passe oublié – Ateliers des territoires"},
            {"values", {{"email", email}}},
            {"errors", errors}};
}

// The modules' other ways to sign in (ProConnect), for the login page.
std::string sign_in_options(const App& app, const Visitor& visitor, const std::string& next) {
    std::string html;
    for (const auto& m : app.modules().modules())
        if (m.sign_in_option) html += m.sign_in_option(app, visitor, safe_next(next));
    return html;
}

}  // namespace

Response start_session(const Visitor& visitor, const std::string& session_token, const std::string& location) {
    auto r = redirect_to(location);
    r.header("Set-Cookie", set_cookie_value("ateliers_session", session_token,
                                            {true, visitor.secure_transport, accounts::session_lifetime_seconds}));
    // The CSRF cookie follows the new session in App::rotate_csrf_on_session_change.
    return r;
}

Response login_form(const App& app, const Request& req, Visitor& visitor) {
    if (visitor.user) return redirect_to(safe_next(req.query_param("suivant")));
    auto view = login_view("", req.query_param("suivant"), form_errors_view("", {}));
    if (req.query_param("reinitialise") == "1")
        view["notice"] = "Votre mot de passe a été modifié. Connectez-vous avec le nouveau mot de passe.";
    view["sign_in_options"] = sign_in_options(app, visitor, req.query_param("suivant"));
    return app.page(visitor, "login", view);
}

Response login_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form) {
    const auto email = field(form, "email");
    const auto next = field(form, "suivant");
    auto outcome = services::log_in(app.db(), email, field(form, "password"), req.remote_ip);
    if (!outcome) {
        const auto& f = outcome.failure();
        if (f.kind == FailureKind::technical) return app.error_page(visitor, http_status(f), "Erreur technique", f.message);
        auto view = login_view(email, next, form_errors_view(f.message, {}));
        if (f.kind == FailureKind::forbidden)
            view["resend_link"] = "/compte/confirmer/renvoyer?email=" + url_encode(email) +
                                  (next.empty() ? "" : "&suivant=" + url_encode(safe_next(next)));
        view["sign_in_options"] = sign_in_options(app, visitor, next);
        return app.page(visitor, "login", view, http_status(f));
    }
    return start_session(visitor, outcome->session_token, safe_next(next));
}

Response logout_submit(const App& app, const Request&, Visitor& visitor, const FormFields&) {
    // A session opened through an identity provider ends there too (its logout page
    // comes back to us); asked before our session, which it is keyed on, ends.
    std::string location = "/";
    if (visitor.user)
        for (const auto& m : app.modules().modules())
            if (m.sign_out_redirect && location == "/")
                if (auto there = m.sign_out_redirect(app, visitor); !there.empty()) location = std::move(there);
    if (!visitor.session_token.empty()) services::log_out(app.db(), visitor.session_token);
    auto r = redirect_to(location);
    r.header("Set-Cookie", set_cookie_value("ateliers_session", "", {true, visitor.secure_transport, 0}));
    return r;
}

Response forgot_password_form(const App& app, const Request&, Visitor& visitor) {
    return app.page(visitor, "forgot_password", forgot_view("", form_errors_view("", {})));
}

Response forgot_password_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form) {
    const auto email = field(form, "email");
    auto done = services::request_password_reset(app.db(), email, app.mail_context(), req.remote_ip);
    if (!done) {
        const auto& f = done.failure();
        if (f.kind == FailureKind::technical) return app.error_page(visitor, http_status(f), "Erreur technique", f.message);
        return app.page(visitor, "forgot_password", forgot_view(email, form_errors_view(f.message, f.fields)),
                        http_status(f));
    }
    return app.page(visitor, "forgot_password_sent",
                    {{"title", "Vérifiez votre messagerie – Ateliers des territoires"}, {"email", email}});
}

Response new_password_form(const App& app, const Request& req, Visitor& visitor) {
    return app.page(visitor, "new_password",
                    {{"title", "Nouveau mot de passe – Ateliers des territoires"},
                     {"jeton", req.query_param("jeton")},
                     {"errors", form_errors_view("", {})}});
}

Response new_password_submit(const App& app, const Request&, Visitor& visitor, const FormFields& form) {
    const auto token = field(form, "jeton");
    auto done = services::reset_password(app.db(), token, field(form, "password"), field(form, "password_confirm"));
    if (!done) {
        const auto& f = done.failure();
        if (f.kind == FailureKind::technical) return app.error_page(visitor, http_status(f), "Erreur technique", f.message);
        if (f.kind == FailureKind::gone) return app.error_page(visitor, 410, "Lien non valable", f.message);
        return app.page(visitor, "new_password",
                        {{"title", "Nouveau mot de passe – Ateliers des territoires"},
                         {"jeton", token},
                         {"errors", form_errors_view(f.message, f.fields)}},
                        http_status(f));
    }
    return redirect_to("/compte/connexion?reinitialise=1");
}

}  // namespace ateliers::web
