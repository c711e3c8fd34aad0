#include "platform/http/api_routes.hpp"
#include "platform/http/paths.hpp"

#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "platform/core/text.hpp"
#include "platform/auth/api_tokens.hpp"
#include "platform/modules/module.hpp"
#include "platform/http/failure_status.hpp"

namespace ateliers::web {

namespace {

Response unauthorised(const std::string& message, const char* oauth_error) {
    auto r = api::error(401, message);
    std::string challenge = "Bearer realm=\"ateliers\"";
    if (oauth_error) challenge += std::string(", error=\"") + oauth_error + "\"";
    r.header("WWW-Authenticate", challenge);
    return r;
}

struct Caller {
    std::optional<services::CurrentUser> user;
    std::optional<Response> refusal;  // set when the request must be refused
};

// Bearer token first; without an Authorization header, reads may use the cookie
// session. Writes never do: they are not protected by the form CSRF token.
Caller authenticate(const App& app, const Request& req, const std::optional<services::CurrentUser>& cookie_user,
                    bool cookie_allowed) {
    const auto header = text::trim(req.header("authorization"));
    if (header.empty()) {
        if (cookie_allowed && cookie_user) return {cookie_user, std::nullopt};
        return {std::nullopt, unauthorised("Authentification requise : envoyez l'en-tête « Authorization: Bearer "
                                           "<jeton> » avec un jeton d'accès à l'API.",
                                           nullptr)};
    }
    const auto space = header.find(' ');
    const auto scheme = text::lower_ascii(header.substr(0, space));
    const auto token = space == std::string::npos ? std::string{} : text::trim(header.substr(space + 1));
    if (scheme != "bearer" || token.empty())
        return {std::nullopt, unauthorised("L'en-tête Authorization doit être de la forme « Bearer <jeton> ».",
                                           "invalid_request")};
    auto user = services::user_for_api_token(app.db(), token);
    if (!user)
        return {std::nullopt,
                unauthorised("Jeton d'accès inconnu ou révoqué. Demandez un nouveau jeton à l'équipe des ateliers.",
                             "invalid_token")};
    return {std::move(user), std::nullopt};
}

}  // namespace

namespace api {

Response method_not_allowed(const char* allow) {
    auto r = error(405, "Méthode non autorisée pour ce point d'accès.");
    r.header("Allow", allow);
    return r;
}

Response not_found() { return error(404, "Point d'accès inconnu."); }

Verb verb_of(const Request& req) {
    return req.method == Method::get || req.method == Method::head ? Verb::read
           : req.method == Method::post                            ? Verb::write
           : req.method == Method::del                             ? Verb::remove
                                                                   : Verb::other;
}

Response with_caller(const App& app, const Request& req, const std::optional<services::CurrentUser>& cookie_user,
                     bool cookie_allowed, const std::function<Response(const services::CurrentUser&)>& handler) {
    auto caller = authenticate(app, req, cookie_user, cookie_allowed);
    if (caller.refusal) return *caller.refusal;
    return handler(*caller.user);
}

Response with_optional_caller(const App& app, const Request& req, const std::optional<services::CurrentUser>& cookie_user,
                              const std::function<Response(const services::CurrentUser*)>& handler) {
    if (text::trim(req.header("authorization")).empty()) return handler(cookie_user ? &*cookie_user : nullptr);
    auto caller = authenticate(app, req, cookie_user, true);
    if (caller.refusal) return *caller.refusal;
    return handler(&*caller.user);
}

Response json(int status, const nlohmann::ordered_json& body) {
    auto r = json_response(status, body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    r.header("Cache-Control", "no-store");
    return r;
}

Response error(int status, const std::string& message, const std::map<std::string, std::string>& fields) {
    nlohmann::ordered_json f = nlohmann::ordered_json::object();
    for (const auto& [name, text] : fields) f[name] = text;
    return json(status, {{"error", message}, {"fields", f}});
}

Response from_failure(const Failure& failure) {
    auto fields = failure.fields;
    if (fields.empty() && !failure.field.empty()) fields[failure.field] = failure.message;
    return error(http_status(failure), failure.message, fields);
}

}  // namespace api

namespace {

// What every endpoint refuses the same way, before a module sees the request.
std::optional<Response> refused(const App& app, const Request& req, const std::vector<std::string>& parts) {
    if (req.body.size() > app.config().max_body_bytes)
        return api::error(413, "Le corps de la requête dépasse la taille maximale acceptée (1 Mio).");
    for (const auto& [name, value] : req.query)
        if (!text::is_valid_utf8(name) || !text::is_valid_utf8(value))
            return api::error(400, "Les paramètres de la requête ne sont pas en UTF-8 valide.");
    for (const auto& part : parts)
        if (!text::is_valid_utf8(part)) return api::error(400, "L'adresse demandée n'est pas en UTF-8 valide.");
    return std::nullopt;
}

// The OpenAPI description, read from the checkout (assets) at each request: it is small,
// and an edited document is served without a restart. Clients may cache it for an hour.
Response openapi_document(const App& app, const Request& req) {
    if (api::verb_of(req) != api::Verb::read) return api::method_not_allowed("GET, HEAD");
    std::ifstream in(app.config().assets_dir + "/docs/openapi.json", std::ios::binary);
    if (!in) {
        spdlog::error("API: {}/docs/openapi.json is missing", app.config().assets_dir);
        return api::error(500, "La description de l'API est introuvable sur ce serveur.");
    }
    std::ostringstream body;
    body << in.rdbuf();
    auto r = json_response(200, body.str());
    r.header("Cache-Control", "public, max-age=3600");
    return r;
}

}  // namespace

std::optional<Response> api_route(const App& app, const Request& req,
                                  const std::optional<services::CurrentUser>& cookie_user) {
    const auto parts = path_segments(req.path);
    if (parts.size() < 2 || parts[0] != "api" || parts[1] != "v1") return std::nullopt;
    if (parts.size() == 3 && parts[2] == "collectivites") return std::nullopt;
    try {
        if (auto refusal = refused(app, req, parts)) return refusal;
        if (parts.size() == 3 && parts[2] == "openapi.json") return openapi_document(app, req);
        for (const auto& module : app.modules().modules())
            if (module.api)
                if (auto r = module.api(app, req, cookie_user)) return r;
        return api::not_found();
    } catch (const std::exception& e) {
        spdlog::error("API {}: {}", req.path, e.what());
        return api::error(500, "Une erreur technique est survenue. Rien n'a été perdu de ce qui était déjà "
                               "enregistré ; merci de réessayer dans un instant.");
    }
}

}  // namespace ateliers::web
