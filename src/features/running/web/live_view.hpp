#pragma once
// A running session as one person sees it: the same JSON fills the pages at load
// (mustache, no JavaScript needed), each server-sent event and the JSON fallback
// (static/js/live.js), so the three never disagree.
#include <nlohmann/json.hpp>

#include <string>

#include "features/running/services/live_sessions.hpp"

namespace ateliers::web::live {

// Keys (see live.js): version, session_id, stage, stage_label, is_<stage>, phase {number,
// title, minutes, where}, phase_count, remaining_ms, remaining_text, overtime,
// next_phase_title, announcement, phases [...], visio_url, groups_planned, group
// {number, client_name, members [...]}, is_client, can_post, can_record_leads, posts,
// my_leads, and for facilitators every group with its posts (groups).
nlohmann::json viewer_state(const services::SessionFeed& feed, const services::LiveViewer& viewer, long long now_ms);

// "12:05"; overtime as "+02:10".
std::string countdown_text(long long remaining_ms);

// One server-sent event carrying the state (id = version, so a reconnecting
// EventSource says where it was).
std::string state_event(const nlohmann::json& state);

}  // namespace ateliers::web::live
