#pragma once
// Breakout groups of a running cycle, as the facilitator sees and changes them.
//
// The participants are the cycle's confirmed registrations (élu or agent, and
// their collectivité). A session is "held" once it has started (session_plan::session_state):
// its groups are kept as they are, and count as already met when the sessions to
// come are planned. Composing runs the breakout groups solver
// (domain/breakout_groups.hpp) with a fixed seed, so the same data always gives
// the same groups, and replaces the groups of every session not yet held, in one
// transaction written to the audit log. Absences known in advance (attendance
// 'excused' or 'absent' for a session to come) and the facilitator's locks (a
// person kept in a group for one session) are respected.
//
// A person who cancels, or is confirmed later, is taken into account at the next
// composition: the page says when one is due (`needs_recompose`).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/running/domain/breakout_groups.hpp"
#include "platform/core/result.hpp"
#include "features/cycles/store/cycles.hpp"
#include "platform/store/database.hpp"
#include "features/registration/store/roster.hpp"

namespace ateliers::services {

// Groups of about five: max(1, round(N / 5)).
int default_group_count(int participants);

struct PlannedMember {
    long long registration_id = 0;
    std::string full_name;
    std::string mandate;  // elu | agent
    std::string collectivite_label;
    bool is_client = false;
    bool locked = false;
};

struct PlannedSession {
    store::SessionRow session;
    bool held = false;
    std::vector<std::vector<PlannedMember>> groups;  // index = group number - 1; a group may be empty
    std::vector<PlannedMember> absent;    // confirmed people recorded excused or absent for this session
    std::vector<PlannedMember> unplaced;  // confirmed, not absent, in no group (session to come, once composed)
};

struct CyclePlanning {
    store::CycleRow cycle;
    std::vector<store::ParticipantRow> participants;  // confirmed, by name
    std::vector<PlannedSession> sessions;             // by number
    int group_count = 0;                              // groups of the sessions to come; 0 before any composition
    int suggested_group_count = 1;
    bool composed = false;          // the sessions to come have groups
    bool has_future = false;        // some session has not started yet
    bool needs_recompose = false;   // registrations or absences changed since the last composition
    groups::Score score;            // of every session's groups, held ones included
    int situations_planned = 0;     // confirmed people who are, or will be, the client of a group
};

Result<std::optional<CyclePlanning>> cycle_planning(store::Database& db, const std::string& slug,
                                                    std::int64_t now = store::now_utc_seconds());

struct PlanningOutcome {
    groups::Score score;        // the whole cycle after the change
    groups::Score lower_bound;  // proven: no composition of the sessions to come does better
    int groups = 0;
    int sessions_planned = 0;   // sessions to come that were (re)composed
};

// Composes (or recomposes) every session not yet held with `group_count` groups.
Result<PlanningOutcome> compose_groups(store::Database& db, long long actor_id, const std::string& slug,
                                       int group_count, std::int64_t now = store::now_utc_seconds());

// Puts a person in a group for one session to come, locks them there, and
// recomposes the sessions to come around the locks.
Result<PlanningOutcome> move_and_lock(store::Database& db, long long actor_id, const std::string& slug,
                                      int session_number, long long registration_id, int group_number,
                                      std::int64_t now = store::now_utc_seconds());

// Lets the next composition move the person again (nothing else changes now).
Status unlock_member(store::Database& db, long long actor_id, const std::string& slug, int session_number,
                     long long registration_id, std::int64_t now = store::now_utc_seconds());

// An absence known in advance: attendance 'excused' for a session to come, then the
// sessions to come are recomposed without the person (when they were composed).
Result<PlanningOutcome> plan_absence(store::Database& db, long long actor_id, const std::string& slug,
                                     int session_number, long long registration_id,
                                     std::int64_t now = store::now_utc_seconds());

// Withdraws an absence recorded in advance and recomposes likewise.
Result<PlanningOutcome> withdraw_absence(store::Database& db, long long actor_id, const std::string& slug,
                                         int session_number, long long registration_id,
                                         std::int64_t now = store::now_utc_seconds());

// "aucune paire de la même collectivité, tous les groupes mêlent élus et agents,
// 4 rencontres répétées" — the score in words for the facilitator.
std::string score_summary(const groups::Score& score);

}  // namespace ateliers::services
