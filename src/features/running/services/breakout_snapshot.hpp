#pragma once
// Internal to the breakout planning service: everything the planning needs about
// one cycle, read at once, and its translation into the solver's problem.
// Solver participants are the confirmed registrations in registration id order;
// solver sessions and groups are numbered from 0 where the database says 1.
#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "features/running/domain/breakout_groups.hpp"
#include "platform/core/result.hpp"
#include "features/cycles/store/cycles.hpp"
#include "features/registration/store/roster.hpp"

namespace ateliers::services::planning {

struct Snapshot {
    store::CycleRow cycle;
    std::vector<store::SessionRow> sessions;    // by number
    int first_future = 0;                       // sessions[first_future…] have not started
    std::vector<store::ParticipantRow> people;  // confirmed, by registration id
    std::vector<store::GroupRow> rows;          // every stored group row of the cycle
    store::AttendanceMap attendance;

    int session_index(long long session_id) const;      // -1 when unknown
    int person_index(long long registration_id) const;  // -1 when not confirmed
    // Recorded excused or absent for that session.
    bool is_absent(long long session_id, long long registration_id) const;
    // Largest group number among the sessions to come; 0 when they have no groups.
    int future_group_count() const;

    std::map<long long, int> session_at, person_at;  // id -> index, filled by load_snapshot
};

// nullopt when no cycle has this slug. `lock`: FOR UPDATE on the cycle row
// (PostgreSQL), so that two compositions of one cycle queue up.
std::optional<Snapshot> load_snapshot(soci::session& sql, store::Dialect dialect, const std::string& slug,
                                      std::int64_t now, bool lock);

// The solver's participants only (role, collectivité), enough to evaluate rounds.
groups::Problem participants_problem(const Snapshot& s);

// Stored groups of every session, confirmed people only, those recorded absent
// left out (they did not meet their group); clients likewise.
struct StoredRounds {
    std::vector<groups::Round> rounds;
    std::vector<groups::Clients> clients;
};
StoredRounds stored_rounds(const Snapshot& s);

// The problem of recomposing the sessions to come with `group_count` groups:
// held sessions as past rounds, absences and locks of the sessions to come.
// Fails in French when a lock cannot hold (group gone, too many in one group).
Result<groups::Problem> recompose_problem(const Snapshot& s, int group_count);

}  // namespace ateliers::services::planning
