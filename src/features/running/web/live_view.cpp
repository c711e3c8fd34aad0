#include "features/running/web/live_view.hpp"

#include <cstdio>

#include "platform/core/paris_time.hpp"

namespace ateliers::web::live {

namespace {

using nlohmann::json;

// The state every page says (session_plan::session_state); the runner's pause is worth telling.
const char* stage_label(session_plan::Stage stage, session_plan::SessionState state) {
    return stage == session_plan::Stage::paused ? "En pause" : session_plan::session_state_label(state);
}

// While no phase is running: before the start, the slot begun but the runner not
// yet used, or over (in the runner, or its scheduled end passed).
const char* idle_headline(session_plan::SessionState state) {
    switch (state) {
        case session_plan::SessionState::upcoming: return "La séance n’a pas encore commencé";
        case session_plan::SessionState::under_way: return "La séance commence";
        case session_plan::SessionState::ended: return "La séance est terminée";
    }
    return "";
}

const char* where_text(bool in_groups) { return in_groups ? "en groupes" : "tous ensemble"; }

json member_json(const services::FeedMember& m, long long me) {
    return {{"name", m.full_name},
            {"collectivite", m.collectivite},
            {"is_client", m.is_client},
            {"is_me", me != 0 && m.registration_id == me}};
}

json posts_json(const services::FeedGroup& g) {
    json out = json::array();
    for (const auto& p : g.posts)
        out.push_back({{"id", p.id},
                       {"group", p.group_number},
                       {"author", p.author},
                       {"body", p.body},
                       {"time", paris_time::time_of_day(p.created_at)}});
    return out;
}

json group_json(const services::FeedGroup& g, long long me) {
    json members = json::array();
    std::string client;
    for (const auto& m : g.members) {
        members.push_back(member_json(m, me));
        if (m.is_client) client = m.full_name;
    }
    auto posts = posts_json(g);
    const bool has_posts = !posts.empty();
    return {{"number", g.number},
            {"client_name", client.empty() ? json(nullptr) : json(client)},
            {"members", members},
            {"posts", posts},
            {"has_posts", has_posts}};
}

std::string announcement(const session_plan::Timing& t, session_plan::SessionState state, const std::vector<session_plan::Phase>& phases) {
    if (!t.phase_index) {
        std::string text = idle_headline(state);
        return text + (state == session_plan::SessionState::ended ? ". Merci de votre participation !" : ".");
    }
    const auto& p = phases[*t.phase_index];
    std::string text = "Étape " + std::to_string(*t.phase_index + 1) + " sur " + std::to_string(phases.size()) +
                       " : " + p.title + " (" + std::to_string(p.minutes) + " min, " + where_text(p.in_groups) + ").";
    if (t.stage == session_plan::Stage::paused) text = "Séance en pause. " + text;
    return text;
}

}  // namespace

std::string countdown_text(long long remaining_ms) {
    const bool over = remaining_ms < 0;
    // Whole seconds left, rounded up, so "00:00" is shown only when time is up.
    const long long seconds = over ? (-remaining_ms) / 1000 : (remaining_ms + 999) / 1000;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%s%02lld:%02lld", over ? "+" : "", seconds / 60, seconds % 60);
    return buffer;
}

json viewer_state(const services::SessionFeed& feed, const services::LiveViewer& viewer, long long now_ms) {
    const auto t = session_plan::timing(feed.phases, feed.state, now_ms);
    const auto state = session_plan::session_state(feed.session.starts_at, feed.session.ends_at, t.stage, now_ms / 1000);
    json out;
    out["version"] = feed.version;
    out["session_id"] = feed.session.session_id;
    out["stage"] = session_plan::stage_name(t.stage);
    out["state"] = session_plan::session_state_code(state);
    out["stage_label"] = stage_label(t.stage, state);
    out["is_not_started"] = t.stage == session_plan::Stage::not_started;
    out["is_running"] = t.stage == session_plan::Stage::running;
    out["is_paused"] = t.stage == session_plan::Stage::paused;
    out["is_ended"] = t.stage == session_plan::Stage::ended;
    out["is_live"] = t.phase_index.has_value();
    out["phase_count"] = feed.phases.size();
    out["announcement"] = announcement(t, state, feed.phases);
    out["phase"] = nullptr;
    out["next_phase_title"] = nullptr;
    out["remaining_ms"] = t.remaining_ms;
    out["remaining_text"] = countdown_text(t.remaining_ms);
    out["overtime"] = t.phase_index && t.remaining_ms < 0;
    if (t.phase_index) {
        const auto& p = feed.phases[*t.phase_index];
        out["phase"] = {{"number", *t.phase_index + 1},
                        {"title", p.title},
                        {"minutes", p.minutes},
                        {"in_groups", p.in_groups},
                        {"where", where_text(p.in_groups)},
                        {"instructions", p.instructions}};
        if (*t.phase_index + 1 < feed.phases.size()) out["next_phase_title"] = feed.phases[*t.phase_index + 1].title;
    }
    // Ready-made texts and flags, so the page and live.js need no rule of their own.
    out["headline"] = t.phase_index ? feed.phases[*t.phase_index].title : std::string(idle_headline(state));
    // What participants are asked to do now; null hides its paragraph.
    out["instructions"] = t.phase_index && !feed.phases[*t.phase_index].instructions.empty()
                              ? json(feed.phases[*t.phase_index].instructions)
                              : json(nullptr);
    out["subline"] = t.phase_index ? "Étape " + std::to_string(*t.phase_index + 1) + " sur " +
                                         std::to_string(feed.phases.size()) + " · " +
                                         std::to_string(feed.phases[*t.phase_index].minutes) + " min · " +
                                         where_text(feed.phases[*t.phase_index].in_groups)
                                   : "";
    out["timer_label"] = t.stage == session_plan::Stage::paused ? "En pause – temps restant"
                         : t.remaining_ms < 0          ? "Temps dépassé de"
                                                       : "Temps restant";
    const bool last = t.phase_index && *t.phase_index + 1 >= feed.phases.size();
    out["can_start"] = t.stage == session_plan::Stage::not_started && !feed.phases.empty();
    out["can_pause"] = t.stage == session_plan::Stage::running;
    out["can_resume"] = t.stage == session_plan::Stage::paused;
    out["can_previous"] = (t.phase_index && *t.phase_index > 0) || t.stage == session_plan::Stage::ended;
    out["can_next"] = t.phase_index && !last;
    out["can_end"] = t.phase_index.has_value();
    json phases = json::array();
    for (std::size_t i = 0; i < feed.phases.size(); ++i) {
        const bool done = t.stage == session_plan::Stage::ended || (t.phase_index && i < *t.phase_index);
        const bool current = t.phase_index && i == *t.phase_index;
        phases.push_back({{"number", i + 1},
                          {"title", feed.phases[i].title},
                          {"minutes", feed.phases[i].minutes},
                          {"where", where_text(feed.phases[i].in_groups)},
                          {"status", current ? "current" : done ? "done" : "upcoming"},
                          {"status_label", current ? "En cours" : done ? "Passée" : "À venir"},
                          {"is_current", current}});
    }
    out["phases"] = phases;
    out["visio_url"] = feed.session.visio_url.empty() ? json(nullptr) : json(feed.session.visio_url);
    out["groups_planned"] = !feed.groups.empty();

    // The viewer's own group (participants).
    const services::FeedGroup* mine = nullptr;
    bool is_client = false;
    for (const auto& g : feed.groups)
        for (const auto& m : g.members)
            if (viewer.registration_id && m.registration_id == viewer.registration_id) {
                mine = &g;
                is_client = m.is_client;
            }
    out["group"] = mine ? group_json(*mine, viewer.registration_id) : json(nullptr);
    out["in_a_group"] = mine != nullptr;
    out["is_client"] = is_client;
    out["can_post"] = mine && !is_client && session_plan::accepts_posts(feed.phases, feed.state);
    out["can_record_leads"] = is_client && session_plan::accepts_leads(feed.phases, feed.state);
    out["post_later"] = mine && !is_client && !out["can_post"].get<bool>();
    out["lead_later"] = is_client && !out["can_record_leads"].get<bool>();
    out["not_in_group"] = viewer.registration_id && !feed.groups.empty() && !mine;
    out["posts"] = mine ? posts_json(*mine) : json::array();
    out["has_posts"] = !out["posts"].empty();
    json leads = json::array();
    for (const auto& l : feed.leads)
        if (viewer.registration_id && l.registration_id == viewer.registration_id) leads.push_back({{"body", l.body}});
    out["has_my_leads"] = !leads.empty();
    out["my_leads"] = leads;

    if (viewer.facilitator) {
        json groups = json::array();
        for (const auto& g : feed.groups) groups.push_back(group_json(g, 0));
        out["groups"] = groups;
    }
    return out;
}

std::string state_event(const json& state) {
    return "id: " + std::to_string(state.value("version", 0LL)) + "\nevent: state\ndata: " + state.dump() + "\n\n";
}

}  // namespace ateliers::web::live
