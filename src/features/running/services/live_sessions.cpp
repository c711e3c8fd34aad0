#include "features/running/services/live_sessions.hpp"

#include <map>
#include <sstream>

#include "features/cycles/services/facilitation_access.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::services {

namespace {

using store::as_int;
using store::as_optional_int;
using store::as_text;

}  // namespace

std::optional<StoredLiveState> read_live_state(soci::session& sql, store::Dialect dialect, long long session_id,
                                               bool lock) {
    soci::row r;
    const std::string suffix = lock && dialect == store::Dialect::postgresql ? " FOR UPDATE" : "";
    sql << "SELECT phase_index, phase_started_at_ms, paused_at_ms, paused_total_ms, version FROM live_states "
           "WHERE session_id = :s" + suffix,
        soci::use(session_id), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    StoredLiveState s;
    s.state.phase_index = static_cast<int>(as_int(r, 0));
    s.state.phase_started_at_ms = as_int(r, 1);
    s.state.paused_at_ms = as_optional_int(r, 2);
    s.state.paused_total_ms = as_int(r, 3);
    s.version = as_int(r, 4);
    return s;
}

std::map<long long, plan::Stage> live_stages(soci::session& sql, long long cycle_id) {
    // A session the runner started has its own plan (copied at the start), so its
    // length comes with the same row; the default template covers the odd one without.
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT l.session_id, l.phase_index, l.phase_started_at_ms, l.paused_at_ms, "
                        "l.paused_total_ms, p.phases FROM live_states l JOIN cycle_sessions s ON s.id = l.session_id "
                        "LEFT JOIN session_plans p ON p.session_id = l.session_id "
                        "WHERE l.phase_index >= 0 AND (:all = 0 OR s.cycle_id = :c)",
         soci::use(cycle_id, "all"), soci::use(cycle_id, "c"));
    struct Started {
        long long id;
        plan::LiveState state;
        std::optional<std::string> phases;
    };
    std::vector<Started> started;
    for (const auto& r : rows)
        started.push_back({as_int(r, 0),
                           {static_cast<int>(as_int(r, 1)), as_int(r, 2), as_optional_int(r, 3), as_int(r, 4)},
                           r.get_indicator(5) == soci::i_ok ? std::optional(as_text(r, 5)) : std::nullopt});
    std::map<long long, plan::Stage> out;
    for (const auto& s : started) {
        std::size_t count = 0;
        if (!s.phases) count = effective_phases(sql, s.id).size();
        else if (const auto own = plan::phases_from_json(*s.phases)) count = own->size();
        out[s.id] = plan::stage_of(s.state, count);
    }
    return out;
}

plan::Stage live_stage(soci::session& sql, long long session_id) {
    soci::row r;
    sql << "SELECT phase_index, phase_started_at_ms, paused_at_ms, paused_total_ms FROM live_states "
           "WHERE session_id = :s",
        soci::use(session_id), soci::into(r);
    if (!sql.got_data()) return plan::Stage::not_started;
    const plan::LiveState state{static_cast<int>(as_int(r, 0)), as_int(r, 1), as_optional_int(r, 2), as_int(r, 3)};
    if (state.phase_index < 0) return plan::Stage::not_started;
    return plan::stage_of(state, effective_phases(sql, session_id).size());
}

plan::SessionState session_state_of(const std::map<long long, plan::Stage>& stages, long long session_id,
                                    long long starts_at, long long ends_at, long long now_seconds) {
    const auto it = stages.find(session_id);
    return plan::session_state(starts_at, ends_at, it == stages.end() ? plan::Stage::not_started : it->second,
                               now_seconds);
}

Result<std::map<int, plan::SessionState>> cycle_session_states(store::Database& db, long long cycle_id,
                                                               long long now_seconds) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::map<int, plan::SessionState> out;
            const auto stages = live_stages(sql, cycle_id);
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT id, number, starts_at, ends_at FROM cycle_sessions WHERE cycle_id = :c",
                 soci::use(cycle_id));
            for (const auto& r : rows)
                out[static_cast<int>(as_int(r, 1))] =
                    session_state_of(stages, as_int(r, 0), as_int(r, 2), as_int(r, 3), now_seconds);
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

namespace {

void write_state(soci::session& sql, long long session_id, const plan::LiveState& s, long long now_ms) {
    const int index = s.phase_index;
    const long long started = s.phase_started_at_ms;
    const long long paused_at = s.paused_at_ms.value_or(0);
    soci::indicator paused_ind = s.paused_at_ms ? soci::i_ok : soci::i_null;
    const long long paused_total = s.paused_total_ms;
    sql << "UPDATE live_states SET phase_index = :i, phase_started_at_ms = :st, paused_at_ms = :pa, "
           "paused_total_ms = :pt, version = version + 1, updated_at_ms = :now WHERE session_id = :s",
        soci::use(index), soci::use(started), soci::use(paused_at, paused_ind), soci::use(paused_total),
        soci::use(now_ms), soci::use(session_id);
}

}  // namespace

Result<TransitionOutcome> apply_live_transition(store::Database& db, const CurrentUser& user,
                                                const std::string& cycle_slug, int number,
                                                plan::Transition transition, long long now_ms) {
    const auto session =
        store::with_session(db, [&](soci::session& sql) { return find_session(sql, cycle_slug, number); });
    if (!session) return fail("Cette séance n’existe pas.", {}, FailureKind::not_found);
    if (!can_facilitate(db, user, cycle_slug))
        return fail("Seule l’équipe d’animation de ce cycle peut animer cette séance.", {}, FailureKind::forbidden);
    const long long session_id = session->session_id;
    return store::in_transaction<TransitionOutcome>(db, [&](soci::session& sql) -> Result<TransitionOutcome> {
        ensure_session_plan(sql, session_id, now_ms / 1000);
        const auto phases = effective_phases(sql, session_id);
        sql << "INSERT INTO live_states (session_id, updated_at_ms) VALUES (:s, :t) "
               "ON CONFLICT (session_id) DO NOTHING",
            soci::use(session_id), soci::use(now_ms);
        const auto stored = read_live_state(sql, db.dialect(), session_id, true);
        if (!stored) return fail("L’état de la séance est introuvable.", {}, FailureKind::technical);
        auto next = plan::apply(transition, phases, stored->state, now_ms);
        if (!next) return next.failure();
        write_state(sql, session_id, next.value(), now_ms);
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
            const long long cycle_id = session->cycle_id;
            const long long user_id = user.id;
            sql << "SELECT id FROM registrations WHERE cycle_id = :c AND user_id = :u AND status = 'confirmed'",
                soci::use(cycle_id), soci::use(user_id), soci::into(registration_id);
            if (!sql.got_data()) registration_id = 0;
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
            soci::rowset<soci::row> members =
                (sql.prepare << "SELECT g.group_number, g.registration_id, u.full_name, COALESCE(c.name, ''), "
                                "g.is_client FROM session_groups g JOIN registrations r ON r.id = g.registration_id "
                                "JOIN users u ON u.id = r.user_id "
                                "LEFT JOIN collectivites c ON c.id = r.collectivite_id "
                                "WHERE g.session_id = :s AND r.status = 'confirmed' "
                                "ORDER BY g.group_number, g.is_client DESC, u.full_name",
                 soci::use(session_id));
            for (const auto& r : members) {
                const int number = static_cast<int>(as_int(r, 0));
                groups[number].number = number;
                groups[number].members.push_back({as_int(r, 1), as_text(r, 2), as_text(r, 3), as_int(r, 4) != 0});
            }
            soci::rowset<soci::row> posts =
                (sql.prepare << "SELECT p.id, p.group_number, p.author_registration_id, u.full_name, p.body, "
                                "p.created_at FROM group_posts p "
                                "JOIN registrations r ON r.id = p.author_registration_id "
                                "JOIN users u ON u.id = r.user_id WHERE p.session_id = :s ORDER BY p.id",
                 soci::use(session_id));
            for (const auto& r : posts) {
                const int number = static_cast<int>(as_int(r, 1));
                if (!groups.count(number)) continue;  // a group planned away since
                groups[number].posts.push_back(
                    {as_int(r, 0), number, as_int(r, 2), as_text(r, 3), as_text(r, 4), as_int(r, 5)});
            }
            for (auto& [number, group] : groups) feed.groups.push_back(std::move(group));

            soci::rowset<soci::row> leads =
                (sql.prepare << "SELECT id, registration_id, body FROM action_leads WHERE session_id = :s ORDER BY id",
                 soci::use(session_id));
            for (const auto& r : leads) feed.leads.push_back({as_int(r, 0), as_int(r, 1), as_text(r, 2)});
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
    // Ids are integers we hold, not user text: inlined, one query whatever their number.
    std::ostringstream query;
    query << "SELECT session_id, version FROM live_states WHERE session_id IN (";
    for (std::size_t i = 0; i < session_ids.size(); ++i) query << (i ? "," : "") << session_ids[i];
    query << ")";
    store::with_session(db, [&](soci::session& sql) {
        soci::rowset<soci::row> rows = sql.prepare << query.str();
        for (const auto& r : rows) out.emplace_back(as_int(r, 0), as_int(r, 1));
    });
    return out;
}

}  // namespace ateliers::services
