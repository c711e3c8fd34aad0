// A person's registrations through the API: register, cancel, list, and who am I.
#include <stdexcept>
#include <variant>

#include "platform/core/paris_time.hpp"
#include "platform/core/text.hpp"
#include "features/registration/services/registrations.hpp"
#include "platform/http/api_routes.hpp"
#include "features/registration/web/registration_pages.hpp"

namespace ateliers::web::api {

namespace {

constexpr int max_json_depth = 16;

struct TooDeep : std::runtime_error {
    TooDeep() : std::runtime_error("JSON nesting too deep") {}
};

// The body as a JSON object, or the 400 to answer.
std::variant<nlohmann::ordered_json, Response> parse_object(const std::string& body) {
    if (!text::is_valid_utf8(body)) return error(400, "Le corps de la requête n'est pas en UTF-8 valide.");
    nlohmann::ordered_json parsed;
    try {
        // Nesting is bounded so that a hostile body cannot exhaust the stack.
        parsed = nlohmann::ordered_json::parse(body, [](int depth, nlohmann::ordered_json::parse_event_t, nlohmann::ordered_json&) {
            if (depth > max_json_depth) throw TooDeep();
            return true;
        });
    } catch (const TooDeep&) {
        return error(400, "Le corps de la requête n'est pas un JSON valide.");
    } catch (const nlohmann::ordered_json::exception&) {
        return error(400, "Le corps de la requête n'est pas un JSON valide.");
    }
    if (!parsed.is_object())
        return error(400, "Le corps de la requête doit être un objet JSON, par exemple {\"situation\": \"…\"}.");
    return parsed;
}

// A string member; absent or null gives `fallback`; another type is an error for `name`.
std::string string_member(const nlohmann::ordered_json& body, const char* name, const std::string& fallback,
                          std::map<std::string, std::string>& problems) {
    const auto it = body.find(name);
    if (it == body.end() || it->is_null()) return fallback;
    if (!it->is_string()) {
        problems[name] = "Ce champ doit être une chaîne de caractères.";
        return {};
    }
    return it->get<std::string>();
}

bool bool_member(const nlohmann::ordered_json& obj, const char* name, const std::string& path,
                 std::map<std::string, std::string>& problems) {
    const auto it = obj.find(name);
    if (it == obj.end() || it->is_null()) return false;
    if (!it->is_boolean()) {
        problems[path] = "Ce champ doit valoir true ou false.";
        return false;
    }
    return it->get<bool>();
}

nlohmann::ordered_json position_or_null(registration::Status status, int position) {
    return status == registration::Status::waiting && position > 0 ? nlohmann::ordered_json(position)
                                                                   : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json registration_json(const App& app, const services::MyRegistration& r) {
    return {{"id", r.id},
            {"status", registration::status_code(r.status)},
            {"status_label", registration::status_label(r.status)},
            {"waiting_position", position_or_null(r.status, r.waiting_position)},
            {"cycle",
             {{"slug", r.cycle_slug},
              {"title", r.cycle_title},
              {"url", app.config().base_url + "/cycles/" + r.cycle_slug},
              {"facilitator", r.facilitator}}},
            {"situation", r.situation},
            {"situation_editable", r.situation_editable},
            {"first_session_at", r.first_session_at ? nlohmann::ordered_json(paris_time::iso8601(r.first_session_at))
                                                    : nlohmann::ordered_json(nullptr)},
            {"last_session_ends_at", r.last_session_ends_at
                                         ? nlohmann::ordered_json(paris_time::iso8601(r.last_session_ends_at))
                                         : nlohmann::ordered_json(nullptr)}};
}

}  // namespace

Response create_registration(const App& app, const Request& req, const services::CurrentUser& user,
                             const std::string& slug) {
    auto parsed = parse_object(req.body);
    if (auto* refusal = std::get_if<Response>(&parsed)) return std::move(*refusal);
    const auto& body = std::get<nlohmann::ordered_json>(parsed);

    std::map<std::string, std::string> problems;
    services::RegistrationRequest request;
    request.cycle_slug = slug;
    // The profile's values stand for absent ones, as the form pre-fills them.
    request.collectivite_id = string_member(body, "collectivite", user.collectivite_id, problems);
    request.input.mandate = string_member(body, "mandate", user.mandate, problems);
    request.input.function_title = string_member(body, "function_title", user.function_title, problems);
    request.input.situation = string_member(body, "situation", "", problems);
    if (const auto it = body.find("commitments"); it != body.end() && !it->is_null()) {
        if (!it->is_object()) {
            problems["commitments"] = "Ce champ doit être un objet {\"attend\": true, \"share\": true, \"camera\": true}.";
        } else {
            request.input.commits_to_attend = bool_member(*it, "attend", "commitments.attend", problems);
            request.input.commits_to_share = bool_member(*it, "share", "commitments.share", problems);
            request.input.commits_camera = bool_member(*it, "camera", "commitments.camera", problems);
        }
    }
    if (!problems.empty())
        return error(422, "La demande contient des erreurs : corrigez les champs signalés.", problems);

    auto outcome = services::register_for_cycle(app.db(), user, request, app.mail_context());
    if (!outcome) return from_failure(outcome.failure());
    const auto& o = outcome.value();
    auto r = json(201, {{"id", o.registration_id},
                        {"cycle", slug},
                        {"status", registration::status_code(o.status)},
                        {"status_label", registration::status_label(o.status)},
                        {"waiting_position", position_or_null(o.status, o.waiting_position)},
                        {"warnings", o.warnings}});
    r.header("Location", "/api/v1/registrations/" + std::to_string(o.registration_id));
    return r;
}

Response cancel_registration(const App& app, const services::CurrentUser& user, long long id) {
    auto done = services::cancel_registration(app.db(), user, id, app.mail_context());
    if (!done) return from_failure(done.failure());
    return json(200, {{"id", id},
                      {"status", registration::status_code(registration::Status::cancelled)},
                      {"status_label", registration::status_label(registration::Status::cancelled)}});
}

Response get_registration(const App& app, const services::CurrentUser& user, long long id) {
    auto mine = services::my_registrations(app.db(), user.id, store::now_utc_seconds());
    if (!mine) return from_failure(mine.failure());
    for (const auto& r : mine.value())
        if (r.id == id) return json(200, registration_json(app, r));
    return error(404, "Inscription introuvable.");
}

Response my_registrations(const App& app, const services::CurrentUser& user) {
    auto mine = services::my_registrations(app.db(), user.id, store::now_utc_seconds());
    if (!mine) return from_failure(mine.failure());
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& r : mine.value()) out.push_back(registration_json(app, r));
    return json(200, {{"registrations", out}});
}

Response me(const App&, const services::CurrentUser& user) {
    return json(200, {{"id", user.id},
                      {"email", user.email},
                      {"full_name", user.full_name},
                      {"collectivite",
                       user.collectivite_id.empty()
                           ? nlohmann::ordered_json(nullptr)
                           : nlohmann::ordered_json{{"id", user.collectivite_id}, {"label", user.collectivite_label}}},
                      {"mandate", user.mandate},
                      {"function_title", user.function_title},
                      {"roles", user.roles}});
}

}  // namespace ateliers::web::api
