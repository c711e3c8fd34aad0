#include "web/admin/admin_routes.hpp"
#include "web/paths.hpp"

#include "domain/paris_time.hpp"
#include "services/cycle_admin.hpp"
#include "web/handlers.hpp"
#include "web/reports/report_routes.hpp"

namespace ateliers::web {

namespace {

bool is_admin_path(const std::string& path) { return path == "/admin" || path.rfind("/admin/", 0) == 0; }

Response not_found(const App& app, const Visitor& visitor) {
    return app.error_page(visitor, 404, "Page introuvable",
                          "Cette page de l’administration n’existe pas. Revenez à la liste des cycles.");
}

}  // namespace

namespace admin {

nlohmann::json status_badge(const std::string& cycle_status) {
    const char* badge = cycle_status == "published" ? "fr-badge--success"
                        : cycle_status == "draft"   ? "fr-badge--info"
                                                    : "";
    return {{"label", services::cycle_status_label(cycle_status)}, {"class", badge}};
}

std::string date_time_text(std::int64_t utc_seconds) {
    if (utc_seconds <= 0) return {};
    return paris_time::long_date(utc_seconds) + " à " + paris_time::time_of_day(utc_seconds);
}

nlohmann::json text_or_null(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

Response service_error(const App& app, const Visitor& visitor, const Failure& failure) {
    const char* title = failure.status == 404   ? "Page introuvable"
                        : failure.status >= 500 ? "Erreur technique"
                                                : "Action impossible";
    return app.error_page(visitor, failure.status, title, failure.message);
}

}  // namespace admin

std::optional<Response> admin_route(const App& app, const Request& req, Visitor& visitor, const FormFields* form) {
    if (!is_admin_path(req.path)) return std::nullopt;
    if (!visitor.user) return redirect_to("/compte/connexion?suivant=" + url_encode(req.path));
    if (!visitor.user->has_role("organiser") && !visitor.user->has_role("admin"))
        return app.error_page(visitor, 403, "Accès réservé",
                              "Cette partie du site est réservée à l’équipe des ateliers de l’ANCT. Si vous pensez "
                              "devoir y accéder, contactez l’équipe pour qu’elle vous donne le rôle d’organisateur.");

    const auto parts = path_segments(req.path);  // parts[0] == "admin"
    if (!form) {
        if (parts.size() == 1) return admin::home_page(app, req, visitor);
        if (parts.size() == 2 && parts[1] == "journal") return admin::journal_page(app, req, visitor);
        if (parts.size() == 2 && parts[1] == "nouveau-cycle") return admin::new_cycle_form(app, req, visitor);
        if (parts.size() == 2 && parts[1] == "selections") return admin::selection_rounds_page(app, req, visitor);
        if (parts.size() == 3 && parts[1] == "selections")
            return admin::selection_round_page(app, req, visitor, parts[2]);
        if (parts.size() >= 3 && parts[1] == "cycles") {
            const auto& slug = parts[2];
            if (parts.size() == 3) return admin::edit_cycle_form(app, req, visitor, slug);
            if (parts.size() == 4 && parts[3] == "apercu") return cycle_preview_page(app, visitor, slug);
            if (parts.size() == 4 && parts[3] == "message") return admin::message_page(app, req, visitor, slug);
            if (parts.size() == 4 && parts[3] == "inscriptions")
                return admin::registrations_page(app, req, visitor, slug);
            if (parts.size() == 4 && parts[3] == "participants.csv")
                return admin::export_download(app, req, visitor, slug, "csv");
            if (parts.size() == 4 && parts[3] == "participants.xlsx")
                return admin::export_download(app, req, visitor, slug, "xlsx");
        }
        if (auto r = reports_route(app, req, visitor)) return *r;
        return not_found(app, visitor);
    }

    if (parts.size() == 2 && parts[1] == "nouveau-cycle")
        return admin::create_cycle_submit(app, req, visitor, *form);
    if (parts.size() == 4 && parts[1] == "selections")
        return admin::selection_round_submit(app, req, visitor, *form, parts[2], parts[3]);
    if (parts.size() >= 3 && parts[1] == "cycles") {
        const auto& slug = parts[2];
        if (parts.size() == 3) return admin::update_cycle_submit(app, req, visitor, *form, slug);
        if (parts.size() == 4 && parts[3] == "message") return admin::message_submit(app, req, visitor, *form, slug);
        if (parts.size() == 4 && (parts[3] == "publier" || parts[3] == "cloturer" || parts[3] == "dupliquer"))
            return admin::cycle_status_submit(app, req, visitor, slug, parts[3]);
        if (parts.size() == 6 && parts[3] == "inscriptions" &&
            (parts[5] == "accepter" || parts[5] == "refuser" || parts[5] == "attente"))
            if (auto id = path_id(parts[4]))
                return admin::decision_submit(app, req, visitor, *form, slug, *id, parts[5]);
    }
    return app.error_page(visitor, 404, "Action inconnue", "Cette action de l’administration n’existe pas.");
}

}  // namespace ateliers::web
