#include "features/running/web/live_routes.hpp"

#include "platform/http/paths.hpp"
#include "platform/http/failure_status.hpp"

namespace ateliers::web {

namespace live {

bool wants_json(const Request& req) { return req.header("accept").find("application/json") != std::string::npos; }

Response login_required(const Request& req) {
    return redirect_to("/compte/connexion?suivant=" + url_encode(req.path));
}

Response failure_response(const App& app, const Request& req, const Visitor& visitor, const Failure& failure) {
    if (wants_json(req)) return json_response(http_status(failure), nlohmann::json{{"error", failure.message}}.dump());
    const char* title = failure.kind == FailureKind::not_found   ? "Page introuvable"
                        : failure.kind == FailureKind::forbidden ? "Accès réservé"
                        : failure.kind == FailureKind::technical ? "Erreur technique"
                                                : "Action impossible";
    return app.error_page(visitor, http_status(failure), title, failure.message);
}

}  // namespace live

namespace {

std::optional<int> session_number(const std::string& segment) {
    const auto n = path_id(segment);
    if (!n || *n < 1 || *n > 1000) return std::nullopt;
    return static_cast<int>(*n);
}

std::optional<Response> get_route(const App& app, const Request& req, Visitor& visitor,
                                  const std::vector<std::string>& p) {
    using namespace live;
    if (p[0] == "animation") {
        if (p.size() == 1) return facilitation_home(app, req, visitor);
        if (p.size() == 2) return facilitation_cycle(app, req, visitor, p[1]);
        if (p.size() == 5 && p[2] == "seances")
            if (auto n = session_number(p[3])) {
                if (p[4] == "plan") return plan_page(app, req, visitor, p[1], *n);
                if (p[4] == "direct") return runner_page(app, req, visitor, p[1], *n);
            }
        return std::nullopt;
    }
    if (p.size() == 3 && p[0] == "espace" && p[1] == "seances")
        if (auto id = path_id(p[2])) return participant_page(app, req, visitor, *id);
    if (p.size() == 4 && p[0] == "direct" && p[1] == "seances")
        if (auto id = path_id(p[2])) {
            if (p[3] == "etat") return state_json(app, req, visitor, *id);
            if (p[3] == "flux") return stream_fallback(app, req, visitor, *id);
        }
    if (p.size() >= 2 && p[0] == "admin" && p[1] == "modeles-de-seance") {
        if (p.size() == 2) return templates_page(app, req, visitor);
        if (p.size() == 3) return template_page(app, req, visitor, p[2]);
    }
    return std::nullopt;
}

std::optional<Response> post_route(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                                   const std::vector<std::string>& p) {
    using namespace live;
    if (p.size() == 5 && p[0] == "animation" && p[2] == "seances")
        if (auto n = session_number(p[3])) {
            if (p[4] == "plan") return plan_submit(app, req, visitor, form, p[1], *n);
            if (p[4] == "direct") return runner_submit(app, req, visitor, form, p[1], *n);
        }
    if (p.size() == 4 && p[0] == "espace" && p[1] == "seances")
        if (auto id = path_id(p[2])) {
            if (p[3] == "idees") return idea_submit(app, req, visitor, form, *id);
            if (p[3] == "pistes") return lead_submit(app, req, visitor, form, *id);
        }
    if (p.size() == 3 && p[0] == "espace" && p[1] == "pistes")
        if (auto id = path_id(p[2])) return lead_update_submit(app, req, visitor, form, *id);
    if (p.size() >= 2 && p[0] == "admin" && p[1] == "modeles-de-seance") {
        if (p.size() == 2) return template_create_submit(app, req, visitor, form);
        if (p.size() == 3) return template_submit(app, req, visitor, form, p[2]);
    }
    return std::nullopt;
}

}  // namespace

std::optional<Response> live_route(const App& app, const Request& req, Visitor& visitor, const FormFields* form) {
    const auto parts = path_segments(req.path);
    if (parts.empty()) return std::nullopt;
    return form ? post_route(app, req, visitor, *form, parts) : get_route(app, req, visitor, parts);
}

}  // namespace ateliers::web
