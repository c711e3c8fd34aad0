#include "platform/http/admin_routes.hpp"
#include "platform/http/paths.hpp"

#include "platform/core/paris_time.hpp"
#include "platform/modules/module.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/auth/permissions.hpp"

namespace ateliers::web {

namespace {

bool is_admin_path(const std::string& path) { return path == "/admin" || path.rfind("/admin/", 0) == 0; }

Response not_found(const App& app, const Visitor& visitor) {
    return app.error_page(visitor, 404, "Page introuvable",
                          "Cette page de l’administration n’existe pas. Revenez à la liste des cycles.");
}

}  // namespace

namespace admin {

std::string date_time_text(std::int64_t utc_seconds) {
    if (utc_seconds <= 0) return {};
    return paris_time::long_date(utc_seconds) + " à " + paris_time::time_of_day(utc_seconds);
}

nlohmann::json text_or_null(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

Response service_error(const App& app, const Visitor& visitor, const Failure& failure) {
    const char* title = failure.kind == FailureKind::not_found   ? "Page introuvable"
                        : failure.kind == FailureKind::technical ? "Erreur technique"
                                                : "Action impossible";
    return app.error_page(visitor, http_status(failure), title, failure.message);
}

}  // namespace admin

std::optional<Response> admin_route(const App& app, const Request& req, Visitor& visitor, const FormFields* form) {
    if (!is_admin_path(req.path)) return std::nullopt;
    if (!visitor.user) return redirect_to("/compte/connexion?suivant=" + url_encode(req.path));
    if (!permissions::can_organise(*visitor.user))
        return app.error_page(visitor, 403, "Accès réservé",
                              "Cette partie du site est réservée à l’équipe des ateliers de l’ANCT. Si vous pensez "
                              "devoir y accéder, contactez l’équipe pour qu’elle vous donne le rôle d’organisateur.");

    if (!form && req.path == "/admin/journal") return admin::journal_page(app, req, visitor);
    for (const auto& module : app.modules().modules())
        if (module.admin_pages)
            if (auto r = module.admin_pages(app, req, visitor, form)) return r;
    if (!form) return not_found(app, visitor);
    return app.error_page(visitor, 404, "Action inconnue", "Cette action de l’administration n’existe pas.");
}

}  // namespace ateliers::web
