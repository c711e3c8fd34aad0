#include "web/api/api_routes.hpp"
#include "web/paths.hpp"

#include <spdlog/spdlog.h>

#include <vector>

#include "domain/text.hpp"
#include "services/api_tokens.hpp"

namespace ateliers::web {

namespace {

Response unauthorised(const std::string& message, const char* oauth_error) {
    auto r = api::error(401, message);
    std::string challenge = "Bearer realm=\"ateliers\"";
    if (oauth_error) challenge += std::string(", error=\"") + oauth_error + "\"";
    r.header("WWW-Authenticate", challenge);
    return r;
}

Response method_not_allowed(const char* allow) {
    auto r = api::error(405, "Méthode non autorisée pour ce point d'accès.");
    r.header("Allow", allow);
    return r;
}

Response not_found() { return api::error(404, "Point d'accès inconnu."); }

enum class Verb { read, write, remove, other };

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

Response dispatch(const App& app, const Request& req, const std::optional<services::CurrentUser>& cookie_user,
                  const std::vector<std::string>& parts) {
    const Verb verb = req.method == Method::get || req.method == Method::head ? Verb::read
                      : req.method == Method::post                            ? Verb::write
                      : req.method == Method::del                             ? Verb::remove
                                                                              : Verb::other;
    if (req.body.size() > app.config().max_body_bytes)
        return api::error(413, "Le corps de la requête dépasse la taille maximale acceptée (1 Mio).");
    for (const auto& [name, value] : req.query)
        if (!text::is_valid_utf8(name) || !text::is_valid_utf8(value))
            return api::error(400, "Les paramètres de la requête ne sont pas en UTF-8 valide.");
    for (const auto& part : parts)
        if (!text::is_valid_utf8(part)) return api::error(400, "L'adresse demandée n'est pas en UTF-8 valide.");

    // Authenticated handlers: `run(cookie_allowed, handler)`.
    const auto with_user = [&](bool cookie_allowed, auto&& handler) -> Response {
        auto caller = authenticate(app, req, cookie_user, cookie_allowed);
        if (caller.refusal) return *caller.refusal;
        return handler(*caller.user);
    };
    const auto n = parts.size();  // parts[0] == "api", parts[1] == "v1"

    if (n == 3 && parts[2] == "cycles") {
        if (verb != Verb::read) return method_not_allowed("GET, HEAD");
        return api::list_cycles(app, req);
    }
    if (n == 4 && parts[2] == "cycles") {
        if (verb != Verb::read) return method_not_allowed("GET, HEAD");
        return api::get_cycle(app, parts[3]);
    }
    if (n == 5 && parts[2] == "cycles" && parts[4] == "registrations") {
        const auto& slug = parts[3];
        if (verb == Verb::read)
            return with_user(true, [&](const services::CurrentUser& u) {
                return api::cycle_registrations(app, req, u, slug);
            });
        if (verb == Verb::write)
            return with_user(false, [&](const services::CurrentUser& u) {
                return api::create_registration(app, req, u, slug);
            });
        return method_not_allowed("GET, HEAD, POST");
    }
    if (n == 3 && parts[2] == "me") {
        if (verb != Verb::read) return method_not_allowed("GET, HEAD");
        return with_user(true, [&](const services::CurrentUser& u) { return api::me(app, u); });
    }
    if (n == 4 && parts[2] == "me" && parts[3] == "registrations") {
        if (verb != Verb::read) return method_not_allowed("GET, HEAD");
        return with_user(true, [&](const services::CurrentUser& u) { return api::my_registrations(app, u); });
    }
    if ((n == 4 || n == 5) && parts[2] == "registrations") {
        const auto id = path_id(parts[3]);
        if (!id) return api::error(404, "Inscription introuvable.");
        if (n == 5) {
            if (parts[4] != "cancel") return not_found();
            if (verb != Verb::write && verb != Verb::remove) return method_not_allowed("POST, DELETE");
            return with_user(false, [&](const services::CurrentUser& u) { return api::cancel_registration(app, u, *id); });
        }
        if (verb == Verb::read)
            return with_user(true, [&](const services::CurrentUser& u) { return api::get_registration(app, u, *id); });
        if (verb == Verb::remove)
            return with_user(false, [&](const services::CurrentUser& u) { return api::cancel_registration(app, u, *id); });
        return method_not_allowed("GET, HEAD, DELETE");
    }
    return not_found();
}

}  // namespace

namespace api {

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
    return error(failure.status, failure.message, fields);
}

}  // namespace api

std::optional<Response> api_route(const App& app, const Request& req,
                                  const std::optional<services::CurrentUser>& cookie_user) {
    const auto parts = path_segments(req.path);
    if (parts.size() < 2 || parts[0] != "api" || parts[1] != "v1") return std::nullopt;
    if (parts.size() == 3 && parts[2] == "collectivites") return std::nullopt;
    try {
        return dispatch(app, req, cookie_user, parts);
    } catch (const std::exception& e) {
        spdlog::error("API {}: {}", req.path, e.what());
        return api::error(500, "Une erreur technique est survenue. Rien n'a été perdu de ce qui était déjà "
                               "enregistré ; merci de réessayer dans un instant.");
    }
}

}  // namespace ateliers::web
