#include "platform/http/app.hpp"
#include "platform/http/paths.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
#include <spdlog/spdlog.h>

#include "platform/auth/crypto.hpp"
#include "platform/http/admin_routes.hpp"
#include "platform/http/api_routes.hpp"
#include "platform/http/cookies.hpp"
#include "platform/http/handlers.hpp"
#include "platform/http/multipart_form.hpp"
#include "platform/modules/module.hpp"
#include "platform/auth/permissions.hpp"

namespace ateliers::web {

namespace {

const char* session_cookie = "ateliers_session";
const char* csrf_cookie = "ateliers_csrf";

bool is_form_route(const std::string& path) { return path.rfind("/api/", 0) != 0; }

// Public pages whose anonymous rendering is the same for everyone: the modules say which.
bool is_cacheable_public_page(const modules::Registry& registry, const std::string& path) {
    for (const auto& m : registry.modules())
        if (m.shared_public_page && m.shared_public_page(path)) return true;
    return false;
}

bool same_name(const std::string& a, const char* lower) {
    const std::string_view b(lower);
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == y;
           });
}

// Self only: the pages need no inline script or style, so an injected one cannot run.
// JSON-LD blocks are data, not scripts, and are not affected. DSFR draws some icons
// from data: SVG images.
const char* content_security_policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// Compares in constant time so the token cannot be guessed byte by byte.
bool same_token(const std::string& a, const std::string& b) {
    if (a.size() != b.size() || a.empty()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

Result<FormFields> text_fields_of(Result<MultipartForm> form) {
    if (!form) return form.failure();
    return std::move(form.value().fields);
}

}  // namespace

App::App(store::Database& db, const Views& views, WebConfig config, const modules::Registry& modules)
    : db_(db),
      views_(views),
      config_(std::move(config)),
      modules_(modules),
      csrf_(config_.csrf_secret.empty() ? crypto::random_token() : config_.csrf_secret),
      public_pages_(config_.public_page_ttl, 512) {}

Response App::page(const Visitor& visitor, const std::string& template_name, nlohmann::json data, int status) const {
    data["csrf_token"] = visitor.csrf_token();
    const bool organiser = visitor.user && permissions::can_organise(*visitor.user);
    const bool facilitator = visitor.user && permissions::facilitates_by_role(*visitor.user);
    if (visitor.user)
        data["current_user"] = {{"full_name", visitor.user->full_name},
                                {"is_organiser", organiser},
                                {"is_facilitator", facilitator}};
    std::vector<const modules::NavEntry*> entries;
    for (const auto& module : modules_.modules())
        for (const auto& entry : module.nav) {
            using A = modules::NavEntry::Audience;
            const bool shown = entry.audience == A::everyone || (entry.audience == A::signed_in && visitor.user) ||
                               (entry.audience == A::facilitators && facilitator) ||
                               (entry.audience == A::organisers && organiser);
            if (shown) entries.push_back(&entry);
        }
    std::stable_sort(entries.begin(), entries.end(), [](auto* a, auto* b) { return a->position < b->position; });
    auto nav = nlohmann::json::array();
    for (const auto* entry : entries) nav.push_back({{"label", entry->label}, {"href", entry->href}});
    data["nav"] = std::move(nav);
    if (!data.contains("title")) data["title"] = "Ateliers des territoires";
    Response r;
    r.status = status;
    r.body = views_.render_page(template_name, data);
    return r;
}

std::string App::fragment(const std::string& template_name, const nlohmann::json& data) const {
    return views_.render_fragment(template_name, data);
}

Response App::error_page(const Visitor& visitor, int status, const std::string& title,
                         const std::string& message) const {
    return page(visitor, "error", {{"title", title}, {"heading", title}, {"message", message}}, status);
}

Response App::handle(const Request& request) const {
    Visitor visitor;
    visitor.secure_transport =
        request.header("x-forwarded-proto") == "https" || config_.base_url.rfind("https://", 0) == 0;
    const auto cookies = parse_cookie_header(request.header("cookie"));
    if (const auto it = cookies.find(session_cookie); it != cookies.end()) {
        visitor.session_token = it->second;
        visitor.user = services::user_for_session(db_, visitor.session_token);
    }
    if (const auto it = cookies.find(csrf_cookie);
        it != cookies.end() && csrf_.valid(it->second, visitor.session_token)) {
        visitor.accept_csrf_token(it->second);
    } else {
        visitor.issue_csrf_from(csrf_);
        visitor.csrf_cookie_is_new = true;
    }

    const bool cacheable = request.method == Method::get && !visitor.user && config_.public_page_ttl.count() > 0 &&
                           is_cacheable_public_page(modules_, request.path);
    const auto cache_key = cacheable ? PageCache::key_for(request) : std::string{};
    Response response;
    try {
        if (auto cached = cacheable ? public_pages_.get(cache_key) : std::nullopt) {
            response = std::move(*cached);
        } else {
            response = route(request, visitor);
            if (cacheable && response.status == 200) public_pages_.put(cache_key, response);
        }
        // Any change made here may show on public pages (places left, new cycles).
        if (request.method == Method::post && response.status < 400) public_pages_.clear();
    } catch (const std::exception& e) {
        spdlog::error("{} {}: {}", request.method == Method::post ? "POST" : "GET", request.path, e.what());
        response = error_page(visitor, 500, "Erreur technique",
                              "Une erreur technique est survenue. Rien n'a été perdu de ce qui était déjà "
                              "enregistré ; merci de réessayer dans un instant.");
    }
    rotate_csrf_on_session_change(visitor, response);
    response.header("X-Content-Type-Options", "nosniff");
    response.header("Referrer-Policy", "same-origin");
    if (response.content_type.rfind("text/html", 0) == 0) {
        response.header("Content-Security-Policy", content_security_policy);
        response.header("X-Frame-Options", "DENY");
        response.header("Cache-Control", "no-store");
    }
    return response;
}

// CSRF tokens are bound to the session cookie, so whichever handler starts or ends a
// session (login, e-mail confirmation, logout) the CSRF cookie must follow, and it
// does here, in one place: a CSRF cookie a handler set itself is replaced.
void App::rotate_csrf_on_session_change(const Visitor& visitor, Response& response) const {
    const auto is_cookie = [](const std::pair<std::string, std::string>& h, const std::string& cookie) {
        return same_name(h.first, "set-cookie") && h.second.rfind(cookie + "=", 0) == 0;
    };
    std::optional<std::string> new_session;
    for (const auto& h : response.headers)
        if (is_cookie(h, session_cookie)) {
            const auto start = std::string(session_cookie).size() + 1;
            new_session = h.second.substr(start, h.second.find(';') - start);  // empty: logged out
        }
    if (!new_session) {
        if (visitor.csrf_cookie_is_new && response.content_type.rfind("text/html", 0) == 0)
            response.header("Set-Cookie", set_cookie_value(csrf_cookie, visitor.csrf_token(),
                                                           {true, visitor.secure_transport, -1}));
        return;
    }
    auto& headers = response.headers;
    headers.erase(std::remove_if(headers.begin(), headers.end(),
                                 [&](const auto& h) { return is_cookie(h, csrf_cookie); }),
                  headers.end());
    response.header("Set-Cookie", set_cookie_value(csrf_cookie, csrf_.issue(*new_session),
                                                   {true, visitor.secure_transport, -1}));
}

Response App::route(const Request& req, Visitor& visitor) const {
    const auto& path = req.path;
    const auto not_found = [&] {
        return error_page(visitor, 404, "Page introuvable",
                          "La page demandée n'existe pas ou a été déplacée. Vérifiez l'adresse, ou revenez à "
                          "l'accueil.");
    };
    // The JSON API answers in JSON, authenticates writes by bearer token (no CSRF).
    if (path.rfind("/api/v1/", 0) == 0 && path != "/api/v1/collectivites") {
        if (auto r = api_route(*this, req, visitor.user)) return *r;
        return json_response(404, R"({"error":"Point d'accès inconnu.","fields":{}})");
    }
    const bool multipart = req.method == Method::post && is_multipart_form(req);
    if (multipart && req.body.size() > max_multipart_body_bytes)
        return error_page(visitor, 413, "Fichier trop volumineux",
                          "Le fichier envoyé dépasse la taille maximale acceptée (20 Mo). Revenez à la page "
                          "précédente et choisissez un fichier plus léger, ou publiez plutôt un lien.");
    if (!multipart && req.body.size() > config_.max_body_bytes)
        return error_page(visitor, 413, "Envoi trop volumineux",
                          "Les données envoyées dépassent la taille maximale acceptée (1 Mio). Réduisez le texte "
                          "saisi et réessayez.");

    if (req.method == Method::get || req.method == Method::head) {
        if (path == "/healthz") return plain_text(200, "ok");
        if (auto file = static_file(*this, req)) return *file;
        if (path == "/compte/inscription") return sign_up_form(*this, req, visitor);
        if (path == "/compte/inscription/envoyee") return sign_up_sent(*this, req, visitor);
        if (path == "/compte/confirmer") return confirm_email_link(*this, req, visitor);
        if (path == "/compte/confirmer/renvoyer") return resend_confirmation_form(*this, req, visitor);
        if (path == "/compte/connexion") return login_form(*this, req, visitor);
        if (path == "/compte/mot-de-passe-oublie") return forgot_password_form(*this, req, visitor);
        if (path == "/compte/nouveau-mot-de-passe") return new_password_form(*this, req, visitor);
        if (path == "/collectivites/recherche") return collectivites_search_page(*this, req, visitor);
        if (path == "/api/v1/collectivites") return collectivites_search_api(*this, req);
        if (path == "/accessibilite") return static_page(*this, visitor, "accessibility", "Accessibilité");
        if (path == "/mentions-legales") return static_page(*this, visitor, "legal", "Mentions légales");
        for (const auto& module : modules_.modules())
            if (module.pages)
                if (auto r = module.pages(*this, req, visitor, nullptr)) return *r;
        if (auto r = admin_route(*this, req, visitor, nullptr)) return *r;
        return not_found();
    }
    if (req.method != Method::post) return plain_text(405, "Méthode non autorisée.");

    if (!is_form_route(path)) return json_response(404, R"({"error":"Point d'accès inconnu."})");
    // A form with a file comes as multipart/form-data: its text fields (the CSRF token
    // among them) are checked the same way; the handler reads the file from the request.
    auto form = multipart ? text_fields_of(read_multipart_form(req)) : parse_urlencoded(req.body);
    if (!form) return error_page(visitor, 400, "Formulaire invalide", form.failure().message);
    if (visitor.csrf_cookie_is_new || !same_token(field(form.value(), "csrf_token"), visitor.csrf_token()))
        return error_page(visitor, 403, "Formulaire expiré",
                          "Pour votre sécurité, ce formulaire a expiré ou n'a pas été envoyé depuis ce site. "
                          "Revenez à la page précédente, rechargez-la et envoyez-le à nouveau.");

    if (path == "/compte/inscription") return sign_up_submit(*this, req, visitor, form.value());
    if (path == "/compte/connexion") return login_submit(*this, req, visitor, form.value());
    if (path == "/compte/deconnexion") return logout_submit(*this, req, visitor, form.value());
    if (path == "/compte/mot-de-passe-oublie") return forgot_password_submit(*this, req, visitor, form.value());
    if (path == "/compte/nouveau-mot-de-passe") return new_password_submit(*this, req, visitor, form.value());
    if (path == "/compte/confirmer/renvoyer")
        return resend_confirmation_submit(*this, req, visitor, form.value());
    for (const auto& module : modules_.modules())
        if (module.pages)
            if (auto r = module.pages(*this, req, visitor, &form.value())) return *r;
    if (auto r = admin_route(*this, req, visitor, &form.value())) return *r;
    return error_page(visitor, 404, "Page introuvable", "Cette action n'existe pas.");
}

}  // namespace ateliers::web
