#include "features/cycles/services/calendar_feeds.hpp"
#include "platform/http/handlers.hpp"
#include "features/cycles/web/cycle_pages.hpp"

namespace ateliers::web {

namespace {

Response ics(const std::string& body, const std::string& filename) {
    Response r;
    r.content_type = "text/calendar; charset=utf-8";
    r.body = body;
    r.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    r.header("Cache-Control", "private, max-age=300");
    return r;
}

}  // namespace

Response cycle_calendar_file(const App& app, const Request&, Visitor& visitor, const std::string& slug) {
    auto cal = services::cycle_calendar(app.db(), slug, app.config().base_url);
    if (!cal) return app.error_page(visitor, 500, "Erreur technique", cal.failure().message);
    if (!cal.value()) return app.error_page(visitor, 404, "Cycle introuvable", "Ce cycle n’existe pas ou n’est plus publié.");
    return ics(*cal.value(), "atelier-" + slug + ".ics");
}

// The secret token in the URL is the only credential: calendar apps send no cookie.
Response personal_calendar_file(const App& app, const Request&, Visitor& visitor, const std::string& token) {
    auto cal = services::personal_calendar(app.db(), token, app.config().base_url);
    if (!cal) return app.error_page(visitor, 500, "Erreur technique", cal.failure().message);
    if (!cal.value()) return app.error_page(visitor, 404, "Agenda introuvable", "Ce lien d’agenda n’est pas valable.");
    return ics(*cal.value(), "mes-ateliers.ics");
}

}  // namespace ateliers::web
