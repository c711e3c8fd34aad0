#include "features/identity/web/proconnect_pages.hpp"

#include <nlohmann/json.hpp>

#include "features/identity/services/proconnect_sign_in.hpp"
#include "platform/http/cookies.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/http/handlers.hpp"

namespace ateliers::web::proconnect_pages {

namespace {

// Holds the state between our redirect and the provider's return; SameSite=Lax lets it
// come back on that top-level GET.
constexpr const char* state_cookie = "ateliers_proconnect";
constexpr long long state_cookie_seconds = 600;

std::string cookie(const Request& req, const std::string& name) {
    const auto all = parse_cookie_header(req.header("cookie"));
    const auto it = all.find(name);
    return it == all.end() ? std::string{} : it->second;
}

Response failure_page(const App& app, Visitor& visitor, const Failure& f) {
    const bool down = f.kind == FailureKind::unavailable || f.kind == FailureKind::technical;
    auto page = app.page(visitor, "identity/proconnect_error",
                         {{"title", "Connexion avec ProConnect impossible – Ateliers des territoires"},
                          {"heading", down ? "ProConnect est indisponible" : "Connexion avec ProConnect impossible"},
                          {"message", f.message}},
                         http_status(f));
    page.header("Set-Cookie", set_cookie_value(state_cookie, "", {true, visitor.secure_transport, 0}));
    return page;
}

}  // namespace

std::string sign_in_button(const App& app, const Visitor& visitor, const std::string& next) {
    (void)visitor;
    return app.fragment("identity/proconnect_button", {{"href", "/compte/proconnect?suivant=" + url_encode(next)}});
}

Response start(const App& app, const Request& req, Visitor& visitor, const identity::ProConnectSettings& settings) {
    const auto next = safe_local_path(req.query_param("suivant"), "/espace");
    auto started = identity::start_proconnect(app.db(), settings, next);
    if (!started) return failure_page(app, visitor, started.failure());
    auto r = redirect_to(started->authorize_url);
    r.header("Set-Cookie",
             set_cookie_value(state_cookie, started->state, {true, visitor.secure_transport, state_cookie_seconds}));
    return r;
}

Response callback(const App& app, const Request& req, Visitor& visitor, const identity::ProConnectSettings& settings) {
    identity::ProConnectCallback back{req.query_param("state"), cookie(req, state_cookie), req.query_param("code"),
                                      req.query_param("error")};
    auto signed_in = identity::finish_proconnect(app.db(), settings, back);
    if (!signed_in) return failure_page(app, visitor, signed_in.failure());
    auto r = start_session(visitor, signed_in->session_token, safe_local_path(signed_in->next_path, "/espace"));
    r.header("Set-Cookie", set_cookie_value(state_cookie, "", {true, visitor.secure_transport, 0}));
    return r;
}

std::string logout_location(const App& app, const Visitor& visitor, const identity::ProConnectSettings& settings) {
    return identity::proconnect_logout_url(app.db(), settings, visitor.session_token, app.config().base_url + "/");
}

}  // namespace ateliers::web::proconnect_pages
