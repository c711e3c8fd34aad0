// /admin/cycles/SLUG/inscriptions/ID/deplacer: an organiser moves a registration to
// another published cycle (services/registration_move).
#include <nlohmann/json.hpp>

#include "features/cycles/services/cycle_admin.hpp"
#include "features/registration/services/registration_move.hpp"
#include "features/registration/web/registration_pages.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/http/form_view.hpp"

namespace ateliers::web::admin {

namespace {

Response render(const App& app, Visitor& visitor, const std::string& slug, long long id, const std::string& chosen,
                const std::map<std::string, std::string>& errors, const std::string& summary, int status) {
    auto cycles = services::admin_cycles(app.db());
    if (!cycles) return app.error_page(visitor, http_status(cycles.failure()), "Erreur technique", cycles.failure().message);
    nlohmann::json options = nlohmann::json::array();
    std::string from_title;
    for (const auto& c : cycles.value()) {
        if (c.slug == slug) from_title = c.title;
        if (c.slug == slug || c.status != CycleStatus::published) continue;
        options.push_back({{"slug", c.slug},
                           {"label", c.title + " (" + std::to_string(c.confirmed) + "/" + std::to_string(c.capacity) +
                                         " places prises)"},
                           {"selected", c.slug == chosen}});
    }
    return app.page(visitor, "registration/admin_move",
                    {{"title", "Déplacer une inscription"},
                     {"slug", slug},
                     {"from_title", from_title},
                     {"action", "/admin/cycles/" + slug + "/inscriptions/" + std::to_string(id) + "/deplacer"},
                     {"cycles", options},
                     {"errors", form_errors_view(summary, errors)}},
                    status);
}

}  // namespace

Response move_form(const App& app, const Request&, Visitor& visitor, const std::string& slug, long long id) {
    return render(app, visitor, slug, id, "", {}, "", 200);
}

Response move_submit(const App& app, const Request&, Visitor& visitor, const FormFields& form, const std::string& slug,
                     long long id) {
    const auto to = field(form, "to");
    auto moved = services::move_registration(app.db(), *visitor.user, id, to, app.mail_context());
    if (moved) return redirect_to("/admin/cycles/" + to + "/inscriptions?fait=deplace&id=" + std::to_string(moved->registration_id));
    const auto& f = moved.failure();
    if (f.kind == FailureKind::technical || f.kind == FailureKind::forbidden || f.kind == FailureKind::not_found)
        return app.error_page(visitor, http_status(f), "Inscription non déplacée", f.message);
    std::map<std::string, std::string> errors{{"to", f.message}};
    return render(app, visitor, slug, id, to, errors, "L’inscription n’est pas déplacée : " + f.message, http_status(f));
}

}  // namespace ateliers::web::admin
