#pragma once
// The live state of each session (current phase, pauses, version) and what the
// live pages show with it: the groups, their posts and the action leads.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "features/running/domain/session_plan.hpp"
#include "platform/store/database.hpp"

namespace ateliers::store {

struct LiveStateRow {
    session_plan::LiveState state;
    long long version = 0;
};

// `lock`: FOR UPDATE on PostgreSQL.
std::optional<LiveStateRow> find_live_state(soci::session& sql, Dialect dialect, long long session_id, bool lock);

// The same without the version, nullopt when the session has no row yet.
std::optional<session_plan::LiveState> live_state(soci::session& sql, long long session_id);

struct StartedSessionRow {
    long long session_id = 0;
    session_plan::LiveState state;
    std::optional<std::string> phases;  // the session's own plan (JSON), if any
};

// Sessions the runner has started, of one cycle (cycle_id 0: of every cycle).
std::vector<StartedSessionRow> started_sessions(soci::session& sql, long long cycle_id);

struct SessionTimesRow {
    long long id = 0;
    int number = 0;
    long long starts_at = 0;
    long long ends_at = 0;
};

// The cycle's sessions, unordered.
std::vector<SessionTimesRow> cycle_session_times(soci::session& sql, long long cycle_id);

// Creates the session's row (not started) unless it exists.
void ensure_live_state(soci::session& sql, long long session_id, long long now_ms);
// Writes the state and raises the version by one.
void write_live_state(soci::session& sql, long long session_id, const session_plan::LiveState& state, long long now_ms);

// The live pages' version of the session, raised by one (the row is created if
// needed); returns the new version.
long long bump_live_version(soci::session& sql, long long session_id, long long now_ms);

// (session id, version) of those of the sessions that have a live state.
std::vector<std::pair<long long, long long>> live_versions(soci::session& sql,
                                                           const std::vector<long long>& session_ids);

// The user's confirmed registration to the cycle, if any.
std::optional<long long> confirmed_registration_id(soci::session& sql, long long cycle_id, long long user_id);

struct GroupMemberRow {
    int group_number = 0;
    long long registration_id = 0;
    std::string full_name;
    std::string collectivite_name;
    bool is_client = false;
};

// Confirmed members of the session's groups, by group, clients first, then by name.
std::vector<GroupMemberRow> session_group_members(soci::session& sql, long long session_id);

struct GroupPostRow {
    long long id = 0;
    int group_number = 0;
    long long author_registration_id = 0;
    std::string author;
    std::string body;
    long long created_at = 0;
};

// The session's group posts, oldest first.
std::vector<GroupPostRow> session_group_posts(soci::session& sql, long long session_id);

struct ActionLeadRow {
    long long id = 0;
    long long registration_id = 0;
    std::string body;
};

// The session's action leads, oldest first.
std::vector<ActionLeadRow> session_action_leads(soci::session& sql, long long session_id);

}  // namespace ateliers::store
