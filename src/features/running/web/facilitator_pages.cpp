// The facilitators' side: the cycles they run, a cycle's sessions, and the live
// runner of one session.
#include "platform/core/paris_time.hpp"
#include "features/running/services/facilitation_overview.hpp"
#include "features/running/services/live_sessions.hpp"
#include "features/running/web/live_routes.hpp"
#include "features/running/web/live_view.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/auth/permissions.hpp"

namespace ateliers::web::live {

namespace {

using nlohmann::json;

// The session's state as every page says it; the runner's pause is worth telling.
const char* state_text(const services::FacilitatedSession& s) {
    return s.stage == session_plan::Stage::paused ? "En pause" : session_plan::session_state_label(s.state);
}

std::string hours_text(long long from, long long to) {
    return paris_time::time_of_day(from) + " – " + paris_time::time_of_day(to);
}

json cycle_json(const services::FacilitatedCycle& c) {
    json sessions = json::array();
    for (const auto& s : c.sessions) {
        const auto base = "/animation/" + c.slug + "/seances/" + std::to_string(s.number);
        sessions.push_back({{"number", s.number},
                            {"session_id", s.session_id},
                            {"date", paris_time::long_date(s.starts_at)},
                            {"time", hours_text(s.starts_at, s.ends_at)},
                            {"plan_label", s.has_own_plan ? "Plan préparé" : "Modèle par défaut"},
                            {"stage_label", state_text(s)},
                            {"is_live", s.stage == session_plan::Stage::running || s.stage == session_plan::Stage::paused},
                            {"plan_url", base + "/plan"},
                            {"runner_url", base + "/direct"},
                            {"attendance_url", base + "/presences"}});
    }
    return {{"slug", c.slug},
            {"title", c.title},
            {"status_label", std::string(label_of(c.status))},
            {"session_count", c.sessions.size()},
            {"sessions", sessions},
            {"groups_url", "/animation/" + c.slug + "/groupes"},
            {"situations_url", "/animation/" + c.slug + "/participants"}};
}

Response runner(const App& app, const Request& req, const Visitor& visitor, const std::string& slug, int number,
                json extra, int status) {
    auto plan = services::session_plan(app.db(), *visitor.user, slug, number);
    if (!plan) return failure_response(app, req, visitor, plan.failure());
    const auto& s = plan->session;
    auto feed = services::load_session_feed(app.db(), s.session_id);
    if (!feed) return failure_response(app, req, visitor, feed.failure());
    const services::LiveViewer viewer{s.session_id, 0, true};
    const auto base = "/animation/" + slug + "/seances/" + std::to_string(number);
    json data = {{"title", "Animer la séance " + std::to_string(number) + " – " + s.cycle_title},
                 {"session",
                  {{"id", s.session_id},
                   {"number", number},
                   {"cycle_title", s.cycle_title},
                   {"cycle_slug", slug},
                   {"when", paris_time::long_date(s.starts_at) + ", " + paris_time::time_of_day(s.starts_at) + " – " +
                                paris_time::time_of_day(s.ends_at)}}},
                 {"live", viewer_state(feed.value(), viewer, services::now_utc_millis())},
                 {"duration_warning", plan->duration_warning.empty() ? json(nullptr) : json(plan->duration_warning)},
                 {"action_url", base + "/direct"},
                 {"plan_url", base + "/plan"},
                 {"attendance_url", base + "/presences"},
                 {"groups_url", "/animation/" + slug + "/groupes"},
                 {"participant_url", "/espace/seances/" + std::to_string(s.session_id)}};
    for (auto& [key, value] : extra.items()) data[key] = value;
    return app.page(visitor, "running/live_runner", data, status);
}

}  // namespace

Response facilitation_home(const App& app, const Request& req, Visitor& visitor) {
    if (!visitor.user) return login_required(req);
    auto cycles = services::facilitated_cycles(app.db(), *visitor.user);
    if (!cycles) return failure_response(app, req, visitor, cycles.failure());
    json list = json::array();
    for (const auto& c : cycles.value()) list.push_back(cycle_json(c));
    return app.page(visitor, "running/facilitation_home",
                    {{"title", "Espace d’animation – Ateliers des territoires"},
                     {"cycles", list},
                     {"has_cycles", !list.empty()},
                     {"manages_templates", permissions::can_organise(*visitor.user)}});
}

Response facilitation_cycle(const App& app, const Request& req, Visitor& visitor, const std::string& slug) {
    if (!visitor.user) return login_required(req);
    auto cycle = services::facilitated_cycle(app.db(), *visitor.user, slug);
    if (!cycle) return failure_response(app, req, visitor, cycle.failure());
    auto view = cycle_json(cycle.value());
    return app.page(visitor, "running/facilitation_cycle",
                    {{"title", cycle->title + " – Espace d’animation"}, {"cycle", view}});
}

Response runner_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug, int number) {
    if (!visitor.user) return login_required(req);
    return runner(app, req, visitor, slug, number, json::object(), 200);
}

Response runner_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                       const std::string& slug, int number) {
    if (!visitor.user) return login_required(req);
    const auto transition = session_plan::parse_transition(field(form, "action"));
    if (!transition) return failure_response(app, req, visitor, fail("Action inconnue.", "action", FailureKind::malformed));
    // Ending cannot be undone for the participants (their page says "terminée"): one
    // more step first. live.js asks with a dialog and sends confirm=oui itself.
    if (*transition == session_plan::Transition::end && field(form, "confirm") != "oui") {
        if (wants_json(req))
            return failure_response(app, req, visitor, fail("Confirmez la fin de la séance.", "confirm", FailureKind::conflict));
        return runner(app, req, visitor, slug, number, {{"confirm_end", true}}, 200);
    }
    auto done = services::apply_live_transition(app.db(), *visitor.user, slug, number, *transition,
                                                services::now_utc_millis());
    if (!done) {
        const auto& f = done.failure();
        if (wants_json(req) || f.kind == FailureKind::not_found || f.kind == FailureKind::forbidden || f.kind == FailureKind::technical)
            return failure_response(app, req, visitor, f);
        return runner(app, req, visitor, slug, number, {{"error", f.message}}, http_status(f));
    }
    auto response = wants_json(req)
                        ? json_response(200, json{{"ok", true}, {"version", done->version}}.dump())
                        : redirect_to("/animation/" + slug + "/seances/" + std::to_string(number) + "/direct");
    response.header(live_changed_header, std::to_string(done->session_id));
    return response;
}

}  // namespace ateliers::web::live
