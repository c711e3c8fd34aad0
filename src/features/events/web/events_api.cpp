// JSON API of events:
//   POST /api/v1/events/SLUG/registrations   (bearer token)
//   {"organisation": "…", "organisation_kind": "association", "function_title": "…",
//    "attendance": "in_person", "meals": "…", "accessibility": "…", "public_listing": false,
//    "choices": {"SLOT_ID": WORKSHOP_ID, …}}
//   -> 201 {"id", "status": "confirmed"|"waiting", "choices": {"SLOT_ID": "held"|"waiting"|"wish"}}
#include <nlohmann/json.hpp>

#include "features/events/services/event_registrations.hpp"
#include "features/events/web/events_api.hpp"
#include "platform/http/api_routes.hpp"
#include "platform/http/paths.hpp"

namespace ateliers::web::events_api {

namespace {

constexpr int max_json_depth = 8;
struct TooDeep {};

std::string text_member(const nlohmann::json& body, const char* name) {
    const auto it = body.find(name);
    return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Response register_person(const App& app, const Request& req, const services::CurrentUser& user, const std::string& slug) {
    nlohmann::json body;
    try {
        body = nlohmann::json::parse(req.body, [](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
            if (depth > max_json_depth) throw TooDeep();
            return true;
        });
    } catch (...) {
        return api::error(400, "Le corps de la requête n'est pas un JSON valide.");
    }
    if (!body.is_object()) return api::error(400, "Le corps de la requête doit être un objet JSON.");
    services::EventRegistrationRequest request;
    request.input = {text_member(body, "organisation"), text_member(body, "organisation_kind"),
                     text_member(body, "function_title"), text_member(body, "attendance"), text_member(body, "meals"),
                     text_member(body, "accessibility"), body.value("public_listing", false) == true};
    if (const auto it = body.find("choices"); it != body.end() && !it->is_null()) {
        if (!it->is_object()) return api::error(422, "« choices » doit être un objet {\"créneau\": atelier}.", {{"choices", "Format attendu : {\"12\": 34}."}});
        for (const auto& [slot, item] : it->items()) {
            const auto slot_id = path_id(slot);
            if (!slot_id || !item.is_number_integer())
                return api::error(422, "Choix d’atelier illisible.", {{"choices", "Format attendu : {\"12\": 34}."}});
            request.choices[*slot_id] = item.get<long long>();
        }
    }
    auto outcome = services::register_to_event(app.db(), user, slug, request, app.mail_context());
    if (!outcome) return api::from_failure(outcome.failure());
    nlohmann::ordered_json choices = nlohmann::ordered_json::object();
    for (const auto& [slot, status] : outcome->choices) choices[std::to_string(slot)] = status;
    return api::json(201, {{"id", outcome->registration_id}, {"event", slug}, {"status", outcome->status}, {"choices", choices}});
}

}  // namespace

std::optional<Response> route(const App& app, const Request& req, const std::optional<services::CurrentUser>& cookie_user) {
    const auto parts = path_segments(req.path);  // api, v1, events, SLUG, registrations
    if (parts.size() != 5 || parts[2] != "events" || parts[4] != "registrations") return std::nullopt;
    if (api::verb_of(req) != api::Verb::write) return api::method_not_allowed("POST");
    return api::with_caller(app, req, cookie_user, false,
                            [&](const services::CurrentUser& user) { return register_person(app, req, user, parts[3]); });
}

}  // namespace ateliers::web::events_api
