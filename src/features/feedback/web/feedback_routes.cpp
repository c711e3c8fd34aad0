#include "features/feedback/web/feedback_routes.hpp"

#include "platform/http/paths.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/auth/permissions.hpp"

namespace ateliers::web {

namespace {

enum class Area { none, participant, organiser };

Area area_of(const std::vector<std::string>& p) {
    if (p.size() >= 3 && p[0] == "espace" && p[1] == "questionnaire") return Area::participant;
    if (!p.empty() && p[0] == "idees") return Area::participant;
    if (p.size() >= 2 && p[0] == "admin" && (p[1] == "temoignages" || p[1] == "idees")) return Area::organiser;
    return Area::none;
}

// After logging in, a POST cannot be replayed: come back to the page that holds the form.
std::string page_of(const std::vector<std::string>& p) {
    if (p[0] == "espace") return "/espace/questionnaire/" + p[2];
    if (p[0] == "idees") return "/idees";
    return "/admin/" + p[1];
}

Response not_found(const App& app, const Visitor& visitor) {
    return app.error_page(visitor, 404, "Page introuvable",
                          "Cette page n’existe pas ou a été déplacée. Revenez à votre espace.");
}

}  // namespace

namespace feedback_pages {

Response service_error(const App& app, const Visitor& visitor, const Failure& failure) {
    const char* title = failure.kind == FailureKind::not_found   ? "Page introuvable"
                        : failure.kind == FailureKind::forbidden ? "Accès impossible"
                        : failure.kind == FailureKind::technical ? "Erreur technique"
                                                : "Action impossible";
    return app.error_page(visitor, http_status(failure), title, failure.message);
}

}  // namespace feedback_pages

std::optional<Response> feedback_route(const App& app, const Request& req, Visitor& visitor, const FormFields* form) {
    const auto p = path_segments(req.path);
    const auto area = area_of(p);
    if (area == Area::none) return std::nullopt;
    if (!visitor.user) return redirect_to("/compte/connexion?suivant=" + url_encode(page_of(p)));
    if (area == Area::organiser && !permissions::can_organise(*visitor.user))
        return app.error_page(visitor, 403, "Accès réservé",
                              "Cette partie du site est réservée à l’équipe des ateliers de l’ANCT. Si vous pensez "
                              "devoir y accéder, contactez l’équipe pour qu’elle vous donne le rôle d’organisateur.");
    using namespace feedback_pages;
    if (p[0] == "espace") {
        const auto id = path_id(p[2]);
        if (!id) return not_found(app, visitor);
        if (!form && p.size() == 3) return questionnaire_page(app, req, visitor, *id);
        if (form && p.size() == 3) return questionnaire_submit(app, req, visitor, *form, *id);
        if (form && p.size() == 4 && p[3] == "retirer-accord") return consent_withdraw_submit(app, req, visitor, *id);
        return not_found(app, visitor);
    }
    if (p[0] == "idees") {
        if (p.size() == 1) return form ? idea_submit(app, req, visitor, *form) : ideas_page(app, req, visitor);
        if (form && p.size() == 3 && (p[2] == "soutenir" || p[2] == "retirer-soutien"))
            if (const auto id = path_id(p[1])) return idea_support_submit(app, req, visitor, *id, p[2] == "soutenir");
        return not_found(app, visitor);
    }
    if (p[1] == "temoignages") {
        if (!form && p.size() == 2) return testimonials_admin_page(app, req, visitor);
        if (form && p.size() == 4 && (p[3] == "publier" || p[3] == "retirer"))
            if (const auto id = path_id(p[2])) return testimonial_publish_submit(app, req, visitor, *id, p[3] == "publier");
        return not_found(app, visitor);
    }
    if (!form && p.size() == 2) return ideas_admin_page(app, req, visitor);
    if (form && p.size() == 4 && p[3] == "statut")
        if (const auto id = path_id(p[2])) return idea_status_submit(app, req, visitor, *form, *id);
    return not_found(app, visitor);
}

}  // namespace ateliers::web
