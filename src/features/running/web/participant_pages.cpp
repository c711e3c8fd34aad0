// The participants' side of a running session: the live page, its JSON state,
// ideas to the client, action leads and their follow-up (also shown in /espace).
#include "platform/core/paris_time.hpp"
#include "features/running/services/facilitation_overview.hpp"
#include "features/running/services/live_sessions.hpp"
#include "features/running/web/live_routes.hpp"
#include "features/running/web/live_view.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/auth/permissions.hpp"

namespace ateliers::web {

namespace live {

namespace {

using nlohmann::json;

std::string hours_text(long long from, long long to) {
    return paris_time::time_of_day(from) + " – " + paris_time::time_of_day(to);
}

std::string session_when(const services::SessionRef& s) {
    return paris_time::long_date(s.starts_at) + ", " + hours_text(s.starts_at, s.ends_at);
}

json lead_json(const services::ActionLead& l, const std::string& back_to) {
    json statuses = json::array();
    for (const auto& s : services::lead_statuses)
        statuses.push_back({{"value", s}, {"label", services::lead_status_label(s)}, {"selected", s == l.status}});
    return {{"id", l.id},
            {"body", l.body},
            {"status_label", services::lead_status_label(l.status)},
            {"is_done", l.status == "done"},
            {"statuses", statuses},
            {"progress_note", l.progress_note},
            {"cycle_title", l.cycle_title},
            {"session_number", l.session_number},
            {"session_date", paris_time::long_date(l.session_starts_at)},
            {"back_to", back_to}};
}

// The page as it stands, with `extra` (notice, errors, text typed) merged in.
Response render_participant(const App& app, const Visitor& visitor, long long session_id, json extra, int status) {
    auto viewer = services::live_viewer(app.db(), *visitor.user, session_id);
    if (!viewer) return app.error_page(visitor, http_status(viewer.failure()), "Accès réservé", viewer.failure().message);
    auto feed = services::load_session_feed(app.db(), session_id);
    if (!feed) return app.error_page(visitor, http_status(feed.failure()), "Erreur technique", feed.failure().message);
    const auto& s = feed->session;
    json data = {{"title", "Séance " + std::to_string(s.number) + " en direct – " + s.cycle_title},
                 {"session",
                  {{"id", s.session_id},
                   {"number", s.number},
                   {"cycle_title", s.cycle_title},
                   {"when", session_when(s)}}},
                 {"live", viewer_state(feed.value(), viewer.value(), services::now_utc_millis())},
                 {"is_participant", viewer->registration_id != 0},
                 {"page_path", "/espace/seances/" + std::to_string(session_id)}};
    json earlier = json::array();
    if (viewer->registration_id) {
        const auto back = "/espace/seances/" + std::to_string(session_id);
        if (auto leads = services::earlier_action_leads(app.db(), visitor.user->id, session_id))
            for (const auto& l : leads.value()) earlier.push_back(lead_json(l, back));
    }
    data["has_earlier_leads"] = !earlier.empty();
    data["earlier_leads"] = earlier;
    for (auto& [key, value] : extra.items()) data[key] = value;
    auto response = app.page(visitor, "running/live_participant", data, status);
    return response;
}

Response changed(Response r, long long session_id) {
    r.header(live_changed_header, std::to_string(session_id));
    return r;
}

}  // namespace

Response participant_page(const App& app, const Request& req, Visitor& visitor, long long session_id) {
    if (!visitor.user) return login_required(req);
    json extra = json::object();
    if (req.query_param("idee") == "1") extra["notice"] = "Votre idée a été transmise.";
    if (req.query_param("piste") == "1") extra["notice"] = "Votre piste d’action est enregistrée.";
    if (req.query_param("suivi") == "1") extra["notice"] = "Le suivi de votre piste d’action est enregistré.";
    return render_participant(app, visitor, session_id, extra, 200);
}

Response state_json(const App& app, const Request&, Visitor& visitor, long long session_id) {
    if (!visitor.user) return json_response(401, json{{"error", "Connectez-vous pour suivre la séance."}}.dump());
    auto viewer = services::live_viewer(app.db(), *visitor.user, session_id);
    if (!viewer) return json_response(http_status(viewer.failure()), json{{"error", viewer.failure().message}}.dump());
    auto feed = services::load_session_feed(app.db(), session_id);
    if (!feed) return json_response(http_status(feed.failure()), json{{"error", feed.failure().message}}.dump());
    auto r = json_response(200, viewer_state(feed.value(), viewer.value(), services::now_utc_millis()).dump());
    r.header("Cache-Control", "no-store");
    return r;
}

// Only reached when the server's LiveHub did not take the stream: one event, then the
// connection ends and EventSource reconnects after `retry`, which still updates the page.
Response stream_fallback(const App& app, const Request& req, Visitor& visitor, long long session_id) {
    auto state = state_json(app, req, visitor, session_id);
    if (state.status != 200) return state;
    Response r;
    r.content_type = "text/event-stream; charset=utf-8";
    r.body = "retry: 2000\n\n" + state_event(json::parse(state.body));
    r.header("Cache-Control", "no-cache");
    return r;
}

Response idea_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                     long long session_id) {
    if (!visitor.user) return login_required(req);
    const auto body = field(form, "body");
    auto posted = services::post_idea(app.db(), *visitor.user, session_id, body, services::now_utc_millis());
    if (posted) {
        if (wants_json(req))
            return changed(json_response(201, json{{"ok", true}, {"id", posted.value()}}.dump()), session_id);
        return changed(redirect_to("/espace/seances/" + std::to_string(session_id) + "?idee=1#idees"), session_id);
    }
    const auto& f = posted.failure();
    if (wants_json(req) || f.kind == FailureKind::not_found || f.kind == FailureKind::technical) return failure_response(app, req, visitor, f);
    return render_participant(app, visitor, session_id, {{"idea_error", f.message}, {"idea_body", body}}, http_status(f));
}

Response lead_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                     long long session_id) {
    if (!visitor.user) return login_required(req);
    const auto body = field(form, "lead");
    auto recorded =
        services::record_action_lead(app.db(), *visitor.user, session_id, body, services::now_utc_millis());
    if (recorded) {
        if (wants_json(req))
            return changed(json_response(201, json{{"ok", true}, {"id", recorded.value()}}.dump()), session_id);
        return changed(redirect_to("/espace/seances/" + std::to_string(session_id) + "?piste=1#pistes-seance"),
                       session_id);
    }
    const auto& f = recorded.failure();
    if (wants_json(req) || f.kind == FailureKind::not_found || f.kind == FailureKind::technical) return failure_response(app, req, visitor, f);
    return render_participant(app, visitor, session_id, {{"lead_error", f.message}, {"lead_body", body}}, http_status(f));
}

Response lead_update_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                            long long lead_id) {
    if (!visitor.user) return login_required(req);
    auto done = services::update_action_lead(app.db(), *visitor.user, lead_id, field(form, "status"),
                                             field(form, "progress_note"));
    if (!done) return failure_response(app, req, visitor, done.failure());
    auto back = safe_local_path(field(form, "suivant"), "/espace");
    back = back.substr(0, back.find_first_of("?#"));
    return redirect_to(back + "?suivi=1#piste-" + std::to_string(lead_id));
}

}  // namespace live

using nlohmann::json;

std::string live_space_now_html(const App& app, const services::CurrentUser& user) {
    json today = json::array();
    if (auto sessions = services::my_sessions_today(app.db(), user.id, store::now_utc_seconds()))
        for (const auto& s : sessions.value())
            today.push_back({{"session_id", s.session_id},
                             {"number", s.number},
                             {"cycle_title", s.cycle_title},
                             {"time", live::hours_text(s.starts_at, s.ends_at)},
                             {"state_label", session_plan::session_state_label(s.state)},
                             {"under_way", s.state == session_plan::SessionState::under_way}});
    // Roles answer without a query; a facilitator linked by name needs the list.
    bool facilitates = permissions::facilitates_by_role(user);
    if (!facilitates)
        if (auto cycles = services::facilitated_cycles(app.db(), user)) facilitates = !cycles->empty();
    if (today.empty() && !facilitates) return {};
    return app.fragment("running/live_espace_now",
                        {{"sessions", today}, {"has_sessions", !today.empty()}, {"facilitates", facilitates}});
}

std::string live_space_leads_html(const App& app, const Visitor& visitor) {
    if (!visitor.user) return {};
    auto leads = services::my_action_leads(app.db(), visitor.user->id);
    if (!leads || leads->empty()) return {};
    json list = json::array();
    for (const auto& l : leads.value()) list.push_back(live::lead_json(l, "/espace"));
    return app.fragment("running/live_espace_leads", {{"leads", list}, {"csrf_token", visitor.csrf_token()}});
}

}  // namespace ateliers::web
