#pragma once
// Where a session of a cycle stands, for every page that shows it (runner,
// attendance, facilitators' overview, participants' pages, reports): one rule, so
// no page says "terminée" while another says "pas encore commencé". Pure.
#include <cstdint>

#include "features/running/domain/session_plan.hpp"

namespace ateliers::session_plan {

enum class SessionState { upcoming, under_way, ended };

// `live` is where the runner stands (not_started when it was never used).
// The runner wins while it is used: a session started early is under way, one
// ended in the runner is ended even before its scheduled end, one still running
// after its scheduled end is under way. Otherwise the schedule decides: a session
// whose scheduled end has passed is ended even if it was never run live.
SessionState session_state(std::int64_t starts_at, std::int64_t ends_at, Stage live, std::int64_t now);

// Started by the schedule or in the runner: attendance may be recorded.
inline bool has_started(SessionState s) { return s != SessionState::upcoming; }

const char* session_state_code(SessionState s);   // "upcoming", "under_way", "ended"
const char* session_state_label(SessionState s);  // "À venir", "En cours", "Terminée"

}  // namespace ateliers::session_plan
