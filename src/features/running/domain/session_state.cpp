#include "features/running/domain/session_state.hpp"

namespace ateliers::session_plan {

SessionState session_state(std::int64_t starts_at, std::int64_t ends_at, Stage live, std::int64_t now) {
    switch (live) {
        case Stage::ended: return SessionState::ended;
        case Stage::running:
        case Stage::paused: return SessionState::under_way;
        case Stage::not_started: break;
    }
    if (now < starts_at) return SessionState::upcoming;
    if (now < ends_at) return SessionState::under_way;
    return SessionState::ended;
}

const char* session_state_code(SessionState s) {
    switch (s) {
        case SessionState::upcoming: return "upcoming";
        case SessionState::under_way: return "under_way";
        case SessionState::ended: return "ended";
    }
    return "upcoming";
}

const char* session_state_label(SessionState s) {
    switch (s) {
        case SessionState::upcoming: return "À venir";
        case SessionState::under_way: return "En cours";
        case SessionState::ended: return "Terminée";
    }
    return "";
}

}  // namespace ateliers::session_plan
