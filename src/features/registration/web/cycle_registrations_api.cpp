// GET /api/v1/cycles/{slug}/registrations: a cycle's registrations, for organisers.
#include <map>

#include "features/registration/services/cycle_registration_list.hpp"
#include "features/registration/web/registration_pages.hpp"
#include "platform/auth/account_rules.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/core/text.hpp"
#include "platform/http/api_routes.hpp"
#include "platform/auth/permissions.hpp"

namespace ateliers::web::api {

Response cycle_registrations(const App& app, const Request& req, const services::CurrentUser& user,
                             const std::string& slug) {
    if (!permissions::can_organise(user))
        return error(403, "Cette liste est réservée aux organisateurs des ateliers.");
    const auto status_filter = text::trim(req.query_param("statut"));
    registration::Status wanted{};
    if (!status_filter.empty() && !registration::parse_status(status_filter, wanted))
        return error(400, "Statut inconnu : « " + status_filter + " ».",
                     {{"statut", "Valeurs possibles : applied, confirmed, waiting, declined, cancelled."}});

    const auto found = services::cycle_registration_list(
        app.db(), slug, status_filter.empty() ? std::nullopt : std::optional<registration::Status>(wanted));
    if (!found) return error(404, "Ce cycle n’existe pas.");
    const auto& cycle = found->cycle;
    auto counts = found->counts;
    std::map<std::string, nlohmann::ordered_json> collectivites;
    for (const auto& [id, c] : found->collectivites) {
        nlohmann::ordered_json item = {{"id", id}};
        if (c) {
            item["name"] = c->name;
            item["label"] = store::collectivite_label(*c);
            item["kind"] = c->kind;
            item["size_class"] = c->size_class;
            item["departement"] = c->departement_code;
            item["region"] = c->region_code;
        }
        collectivites.emplace(id, std::move(item));
    }
    nlohmann::ordered_json registrations = nlohmann::ordered_json::array();
    for (const auto& r : found->rows) {
        registration::Status status{};
        registration::parse_status(r.status, status);
        accounts::Mandate mandate{};
        const bool known_mandate = accounts::parse_mandate(r.mandate, mandate);
        const int position = r.waiting_position;
        registrations.push_back(
            {{"id", r.id},
             {"status", registration::status_code(status)},
             {"status_label", registration::status_label(status)},
             {"seat", r.seat ? nlohmann::ordered_json(*r.seat) : nlohmann::ordered_json(nullptr)},
             {"waiting_position", position ? nlohmann::ordered_json(position) : nlohmann::ordered_json(nullptr)},
             {"arrival_ms", r.arrival_ms},
             {"registered_at", paris_time::iso8601(r.created_at)},
             {"mandate", r.mandate},
             {"mandate_label", known_mandate ? accounts::mandate_label(mandate) : ""},
             {"function_title", r.function_title},
             {"situation", r.situation},
             {"participant", {{"full_name", r.full_name}, {"email", r.email}}},
             {"collectivite", collectivites.at(r.collectivite_id)}});
    }
    return json(200, {{"cycle",
                       {{"slug", cycle.slug},
                        {"title", cycle.title},
                        {"status", std::string(code_of(cycle.status))},
                        {"mode", registration::mode_code(cycle.mode)},
                        {"capacity", cycle.capacity},
                        {"counts",
                         {{"applied", counts["applied"]},
                          {"confirmed", counts["confirmed"]},
                          {"waiting", counts["waiting"]},
                          {"declined", counts["declined"]},
                          {"cancelled", counts["cancelled"]}}}}},
                      {"registrations", registrations}});
}

}  // namespace ateliers::web::api
