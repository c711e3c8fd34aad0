#include "features/events/web/event_removal_pages.hpp"

#include <nlohmann/json.hpp>

#include "platform/http/failure_status.hpp"

namespace ateliers::web::events_removal {

namespace {

std::string programme_of(const std::string& slug) { return "/admin/evenements/" + slug + "/programme"; }

std::string action_of(const std::string& slug, services::ProgrammePart part, long long id) {
    return programme_of(slug) + (part == services::ProgrammePart::item ? "/interventions/" : "/creneaux/") +
           std::to_string(id) + "/supprimer";
}

Response view(const App& app, Visitor& visitor, const std::string& slug, services::ProgrammePart part, long long id,
              const services::RemovalPreview& p, int status) {
    const bool slot = part == services::ProgrammePart::slot;
    nlohmann::json workshops = nlohmann::json::array();
    for (const auto& w : p.workshops) workshops.push_back(w);
    nlohmann::json data{{"title", std::string(slot ? "Supprimer un créneau" : "Supprimer une intervention") + " – " + p.event_title},
                        {"heading", slot ? "Supprimer le créneau « " + p.title + " »" : "Supprimer « " + p.title + " »"},
                        {"event_title", p.event_title},
                        {"programme", programme_of(slug) + (slot ? "#creneaux" : "#interventions")},
                        {"action", action_of(slug, part, id)},
                        {"mailing", "/admin/evenements/" + slug + "/email"},
                        {"workshops", workshops},
                        {"has_workshops", !workshops.empty()},
                        {"allowed", !p.refusal.has_value()},
                        {"refusal", p.refusal.value_or("")}};
    return app.page(visitor, "events/admin_removal", data, status);
}

}  // namespace

Response removal_page(const App& app, Visitor& visitor, const std::string& slug, services::ProgrammePart part, long long id) {
    const auto preview = services::programme_removal_preview(app.db(), slug, part, id);
    if (!preview)
        return app.error_page(visitor, http_status(preview.failure().kind), "Introuvable", preview.failure().message);
    return view(app, visitor, slug, part, id, preview.value(), 200);
}

Response removal_submit(const App& app, Visitor& visitor, const std::string& slug, services::ProgrammePart part, long long id) {
    const auto done = services::remove_from_programme(app.db(), visitor.user->id, slug, part, id);
    if (done) return redirect_to(programme_of(slug) + (part == services::ProgrammePart::slot ? "#creneaux" : "#interventions"));
    // Refused (someone took a place meanwhile): the same page, with the reason and no button.
    const auto preview = services::programme_removal_preview(app.db(), slug, part, id);
    if (!preview || done.failure().kind != FailureKind::conflict)
        return app.error_page(visitor, http_status(done.failure().kind), "Suppression impossible", done.failure().message);
    return view(app, visitor, slug, part, id, preview.value(), 409);
}

}  // namespace ateliers::web::events_removal
