#pragma once
// What a facilitator sees first: the cycles they may run and, for each session,
// whether its plan was prepared and where it stands.
#include <string>
#include <vector>

#include "features/cycles/domain/cycle_status.hpp"
#include "features/running/domain/session_plan.hpp"
#include "features/running/domain/session_state.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct FacilitatedSession {
    long long session_id = 0;
    int number = 0;
    long long starts_at = 0;
    long long ends_at = 0;
    bool has_own_plan = false;  // copied from the template (and maybe edited)
    session_plan::Stage stage = session_plan::Stage::not_started;                // in the runner
    session_plan::SessionState state = session_plan::SessionState::upcoming;  // what every page says
};

struct FacilitatedCycle {
    std::string slug;
    std::string title;
    CycleStatus status = CycleStatus::draft;
    std::vector<FacilitatedSession> sessions;
};

// Organisers and admins: every cycle; others: the cycles they facilitate. By first session.
Result<std::vector<FacilitatedCycle>> facilitated_cycles(store::Database& db, const CurrentUser& user,
                                                         long long now_seconds = store::now_utc_seconds());

// One cycle, 404 when unknown, 403 when the person may not run it.
Result<FacilitatedCycle> facilitated_cycle(store::Database& db, const CurrentUser& user, const std::string& slug,
                                           long long now_seconds = store::now_utc_seconds());

}  // namespace ateliers::services
