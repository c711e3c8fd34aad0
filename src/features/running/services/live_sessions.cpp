#include "features/running/services/live_sessions.hpp"

#include <map>

#include "features/cycles/services/facilitation_access.hpp"
#include "features/running/store/live_states.hpp"

namespace ateliers::services {

std::optional<StoredLiveState> read_live_state(soci::session& sql, store::Dialect dialect, long long session_id,
                                               bool lock) {
    const auto row = store::find_live_state(sql, dialect, session_id, lock);
    if (!row) return std::nullopt;
    return StoredLiveState{row->state, row->version};
}

std::map<long long, session_plan::Stage> live_stages(soci::session& sql, long long cycle_id) {
    // A session the runner started has its own plan (copied at the start), so its
    // length comes with the same row; the default template covers the odd one without.
    const auto started = store::started_sessions(sql, cycle_id);
    std::map<long long, session_plan::Stage> out;
    for (const auto& s : started) {
        std::size_t count = 0;
        if (!s.phases) count = effective_phases(sql, s.session_id).size();
        else if (const auto own = session_plan::phases_from_json(*s.phases)) count = own->size();
        out[s.session_id] = session_plan::stage_of(s.state, count);
    }
    return out;
}

session_plan::Stage live_stage(soci::session& sql, long long session_id) {
    const auto state = store::live_state(sql, session_id);
    if (!state) return session_plan::Stage::not_started;
    if (state->phase_index < 0) return session_plan::Stage::not_started;
    return session_plan::stage_of(*state, effective_phases(sql, session_id).size());
}

session_plan::SessionState session_state_of(const std::map<long long, session_plan::Stage>& stages, long long session_id,
                                    long long starts_at, long long ends_at, long long now_seconds) {
    const auto it = stages.find(session_id);
    return session_plan::session_state(starts_at, ends_at, it == stages.end() ? session_plan::Stage::not_started : it->second,
                               now_seconds);
}

Result<std::map<int, session_plan::SessionState>> cycle_session_states(store::Database& db, long long cycle_id,
                                                               long long now_seconds) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::map<int, session_plan::SessionState> out;
            const auto stages = live_stages(sql, cycle_id);
            for (const auto& s : store::cycle_session_times(sql, cycle_id))
                out[s.number] = session_state_of(stages, s.id, s.starts_at, s.ends_at, now_seconds);
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<TransitionOutcome> apply_live_transition(store::Database& db, const CurrentUser& user,
                                                const std::string& cycle_slug, int number,
                                                session_plan::Transition transition, long long now_ms) {
    const auto session =
        store::with_session(db, [&](soci::session& sql) { return find_session(sql, cycle_slug, number); });
    if (!session) return fail("Cette séance n’existe pas.", {}, FailureKind::not_found);
    if (!can_facilitate(db, user, cycle_slug))
        return fail("Seule l’équipe d’animation de ce cycle peut animer cette séance.", {}, FailureKind::forbidden);
    const long long session_id = session->session_id;
    return store::in_transaction<TransitionOutcome>(db, [&](soci::session& sql) -> Result<TransitionOutcome> {
        ensure_session_plan(sql, session_id, now_ms / 1000);
        const auto phases = effective_phases(sql, session_id);
        store::ensure_live_state(sql, session_id, now_ms);
        const auto stored = read_live_state(sql, db.dialect(), session_id, true);
        if (!stored) return fail("L’état de la séance est introuvable.", {}, FailureKind::technical);
        auto next = session_plan::apply(transition, phases, stored->state, now_ms);
        if (!next) return next.failure();
        store::write_live_state(sql, session_id, next.value(), now_ms);
        return TransitionOutcome{session_id, stored->version + 1, next.value()};
    });
}

Result<LiveViewer> live_viewer(store::Database& db, const CurrentUser& user, long long session_id) {
    std::optional<SessionRef> session;
    long long registration_id = 0;
    try {
        store::with_session(db, [&](soci::session& sql) {
            session = find_session_by_id(sql, session_id);
            if (!session) return;
            registration_id = store::confirmed_registration_id(sql, session->cycle_id, user.id).value_or(0);
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
    if (!session) return fail("Cette séance n’existe pas.", {}, FailureKind::not_found);
    LiveViewer viewer{session_id, registration_id, can_facilitate(db, user, session->cycle_slug)};
    if (!viewer.registration_id && !viewer.facilitator)
        return fail("Cette page est réservée aux participants confirmés du cycle « " + session->cycle_title +
                        " » et à son équipe d’animation.",
                    {}, FailureKind::forbidden);
    return viewer;
}

Result<SessionFeed> load_session_feed(store::Database& db, long long session_id) {
    try {
        return store::with_session(db, [&](soci::session& sql) -> Result<SessionFeed> {
            SessionFeed feed;
            // The version first: data read after it is at least as new, so a change
            // slipping in between shows up again as a newer version.
            if (const auto stored = read_live_state(sql, db.dialect(), session_id, false)) {
                feed.state = stored->state;
                feed.version = stored->version;
            }
            auto session = find_session_by_id(sql, session_id);
            if (!session) return fail("Cette séance n’existe pas.", {}, FailureKind::not_found);
            feed.session = *session;
            feed.phases = effective_phases(sql, session_id);

            std::map<int, FeedGroup> groups;
            for (const auto& m : store::session_group_members(sql, session_id)) {
                groups[m.group_number].number = m.group_number;
                groups[m.group_number].members.push_back(
                    {m.registration_id, m.full_name, m.collectivite_name, m.is_client});
            }
            for (const auto& p : store::session_group_posts(sql, session_id)) {
                if (!groups.count(p.group_number)) continue;  // a group planned away since
                groups[p.group_number].posts.push_back(
                    {p.id, p.group_number, p.author_registration_id, p.author, p.body, p.created_at});
            }
            for (auto& [number, group] : groups) feed.groups.push_back(std::move(group));

            for (const auto& l : store::session_action_leads(sql, session_id))
                feed.leads.push_back({l.id, l.registration_id, l.body});
            return feed;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

std::vector<std::pair<long long, long long>> live_versions(store::Database& db,
                                                           const std::vector<long long>& session_ids) {
    std::vector<std::pair<long long, long long>> out;
    if (session_ids.empty()) return out;
    store::with_session(db, [&](soci::session& sql) { out = store::live_versions(sql, session_ids); });
    return out;
}

}  // namespace ateliers::services
