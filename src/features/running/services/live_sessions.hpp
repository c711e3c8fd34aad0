#pragma once
// A session while it runs: the facilitator's transitions (one transaction each,
// live_states.version + 1), what every page of the session shows (a snapshot read
// once per version), the ideas group members post to their client during the
// consultation, and the action leads the client records from the synthesis on.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "features/running/domain/session_plan.hpp"
#include "features/running/domain/session_state.hpp"
#include "platform/auth/accounts.hpp"
#include "features/running/services/session_plans.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

// --- transitions (facilitators) ---

struct StoredLiveState {
    session_plan::LiveState state;  // not started when the session has no row yet
    long long version = 0;
};

// Inside a caller's session; `lock`: FOR UPDATE on PostgreSQL.
std::optional<StoredLiveState> read_live_state(soci::session& sql, store::Dialect dialect, long long session_id,
                                               bool lock);

// The runner's stage of every session of a cycle (cycle_id 0: of every cycle) that
// the runner has started; the sessions missing from the map were never started.
// Inside a caller's session.
std::map<long long, session_plan::Stage> live_stages(soci::session& sql, long long cycle_id);

// The runner's stage of one session.
session_plan::Stage live_stage(soci::session& sql, long long session_id);

// session_plan::session_state of one session, its runner stage taken from `stages`.
session_plan::SessionState session_state_of(const std::map<long long, session_plan::Stage>& stages, long long session_id,
                                    long long starts_at, long long ends_at, long long now_seconds);

// The state of each session of a cycle, by session number (public cycle page).
Result<std::map<int, session_plan::SessionState>> cycle_session_states(store::Database& db, long long cycle_id,
                                                               long long now_seconds);

struct TransitionOutcome {
    long long session_id = 0;
    long long version = 0;
    session_plan::LiveState state;
};

Result<TransitionOutcome> apply_live_transition(store::Database& db, const CurrentUser& user,
                                                const std::string& cycle_slug, int number,
                                                session_plan::Transition transition, long long now_ms);

// --- who is looking ---

struct LiveViewer {
    long long session_id = 0;
    long long registration_id = 0;  // 0: not a participant of this cycle
    bool facilitator = false;       // sees every group
};

// A confirmed participant of the session's cycle, or someone who may facilitate it.
Result<LiveViewer> live_viewer(store::Database& db, const CurrentUser& user, long long session_id);

// --- the snapshot every page of the session shows ---

struct FeedMember {
    long long registration_id = 0;
    std::string full_name;
    std::string collectivite;
    bool is_client = false;
};

struct FeedPost {
    long long id = 0;
    int group_number = 0;
    long long author_registration_id = 0;
    std::string author;
    std::string body;
    long long created_at = 0;  // seconds
};

struct FeedLead {
    long long id = 0;
    long long registration_id = 0;
    std::string body;
};

struct FeedGroup {
    int number = 0;
    std::vector<FeedMember> members;
    std::vector<FeedPost> posts;
};

struct SessionFeed {
    SessionRef session;
    std::vector<session_plan::Phase> phases;
    session_plan::LiveState state;
    long long version = 0;
    std::vector<FeedGroup> groups;  // by number; empty while the groups are not planned
    std::vector<FeedLead> leads;    // recorded during this session
};

Result<SessionFeed> load_session_feed(store::Database& db, long long session_id);

// live_states.version of each session that has a row (one query, for the SSE poller).
std::vector<std::pair<long long, long long>> live_versions(store::Database& db,
                                                           const std::vector<long long>& session_ids);

// --- ideas to the client, action leads ---

inline constexpr std::size_t max_post_chars = 500;
inline constexpr std::size_t max_lead_chars = 500;
inline constexpr std::size_t max_note_chars = 1000;
inline constexpr long long max_leads_per_session = 20;

// A member of a group (not its client) during the consultation.
Result<long long> post_idea(store::Database& db, const CurrentUser& user, long long session_id,
                            const std::string& body, long long now_ms);

// The client of a group, from the synthesis on.
Result<long long> record_action_lead(store::Database& db, const CurrentUser& user, long long session_id,
                                     const std::string& body, long long now_ms);

struct ActionLead {
    long long id = 0;
    long long registration_id = 0;
    long long session_id = 0;
    int session_number = 0;
    long long session_starts_at = 0;
    std::string cycle_slug;
    std::string cycle_title;
    std::string body;
    std::string status;  // open | in_progress | done | dropped
    std::string progress_note;
    long long updated_at = 0;
};

// Every lead of the person, newest session first.
Result<std::vector<ActionLead>> my_action_leads(store::Database& db, long long user_id);
// The leads the person recorded at earlier sessions of that session's cycle ("Où en êtes-vous ?").
Result<std::vector<ActionLead>> earlier_action_leads(store::Database& db, long long user_id, long long session_id);

Status update_action_lead(store::Database& db, const CurrentUser& user, long long lead_id, const std::string& status,
                          const std::string& progress_note);

// Sessions of the person's confirmed registrations that take place today (Paris) or
// are under way, for the link to their live page.
struct TodaySession {
    long long session_id = 0;
    int number = 0;
    std::string cycle_title;
    long long starts_at = 0;
    long long ends_at = 0;
    session_plan::SessionState state = session_plan::SessionState::upcoming;
};
Result<std::vector<TodaySession>> my_sessions_today(store::Database& db, long long user_id, long long now_seconds);

// "Ouverte", "En cours", "Réalisée", "Abandonnée".
std::string lead_status_label(const std::string& status);
inline const std::vector<std::string> lead_statuses{"open", "in_progress", "done", "dropped"};

}  // namespace ateliers::services
