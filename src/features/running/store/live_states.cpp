#include "features/running/store/live_states.hpp"

#include <sstream>

#include "platform/store/rows.hpp"

namespace ateliers::store {

std::optional<LiveStateRow> find_live_state(soci::session& sql, Dialect dialect, long long session_id, bool lock) {
    soci::row r;
    const std::string suffix = lock && dialect == Dialect::postgresql ? " FOR UPDATE" : "";
    sql << "SELECT phase_index, phase_started_at_ms, paused_at_ms, paused_total_ms, version FROM live_states "
           "WHERE session_id = :s" + suffix,
        soci::use(session_id), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    LiveStateRow s;
    s.state.phase_index = static_cast<int>(as_int(r, "phase_index"));
    s.state.phase_started_at_ms = as_int(r, "phase_started_at_ms");
    s.state.paused_at_ms = as_optional_int(r, "paused_at_ms");
    s.state.paused_total_ms = as_int(r, "paused_total_ms");
    s.version = as_int(r, "version");
    return s;
}

std::optional<session_plan::LiveState> live_state(soci::session& sql, long long session_id) {
    soci::row r;
    sql << "SELECT phase_index, phase_started_at_ms, paused_at_ms, paused_total_ms FROM live_states "
           "WHERE session_id = :s",
        soci::use(session_id), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    return session_plan::LiveState{static_cast<int>(as_int(r, "phase_index")), as_int(r, "phase_started_at_ms"),
                           as_optional_int(r, "paused_at_ms"), as_int(r, "paused_total_ms")};
}

std::vector<StartedSessionRow> started_sessions(soci::session& sql, long long cycle_id) {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT l.session_id AS session_id, l.phase_index AS phase_index, "
                        "l.phase_started_at_ms AS phase_started_at_ms, l.paused_at_ms AS paused_at_ms, "
                        "l.paused_total_ms AS paused_total_ms, p.phases AS phases "
                        "FROM live_states l JOIN cycle_sessions s ON s.id = l.session_id "
                        "LEFT JOIN session_plans p ON p.session_id = l.session_id "
                        "WHERE l.phase_index >= 0 AND (:all = 0 OR s.cycle_id = :c)",
         soci::use(cycle_id, "all"), soci::use(cycle_id, "c"));
    std::vector<StartedSessionRow> started;
    for (const auto& r : rows)
        started.push_back({as_int(r, "session_id"),
                           {static_cast<int>(as_int(r, "phase_index")), as_int(r, "phase_started_at_ms"),
                            as_optional_int(r, "paused_at_ms"), as_int(r, "paused_total_ms")},
                           r.get_indicator(column_index(r, "phases")) == soci::i_ok
                               ? std::optional(as_text(r, "phases"))
                               : std::nullopt});
    return started;
}

std::vector<SessionTimesRow> cycle_session_times(soci::session& sql, long long cycle_id) {
    std::vector<SessionTimesRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, number, starts_at, ends_at FROM cycle_sessions WHERE cycle_id = :c",
         soci::use(cycle_id));
    for (const auto& r : rows)
        out.push_back({as_int(r, "id"), static_cast<int>(as_int(r, "number")), as_int(r, "starts_at"),
                       as_int(r, "ends_at")});
    return out;
}

void ensure_live_state(soci::session& sql, long long session_id, long long now_ms) {
    sql << "INSERT INTO live_states (session_id, updated_at_ms) VALUES (:s, :t) "
           "ON CONFLICT (session_id) DO NOTHING",
        soci::use(session_id), soci::use(now_ms);
}

void write_live_state(soci::session& sql, long long session_id, const session_plan::LiveState& s, long long now_ms) {
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

long long bump_live_version(soci::session& sql, long long session_id, long long now_ms) {
    sql << "INSERT INTO live_states (session_id, updated_at_ms) VALUES (:s, :t) ON CONFLICT (session_id) DO NOTHING",
        soci::use(session_id), soci::use(now_ms);
    sql << "UPDATE live_states SET version = version + 1, updated_at_ms = :t WHERE session_id = :s", soci::use(now_ms),
        soci::use(session_id);
    long long version = 0;
    sql << "SELECT version FROM live_states WHERE session_id = :s", soci::use(session_id), soci::into(version);
    return version;
}

std::vector<std::pair<long long, long long>> live_versions(soci::session& sql,
                                                           const std::vector<long long>& session_ids) {
    std::vector<std::pair<long long, long long>> out;
    // Ids are integers we hold, not user text: inlined, one query whatever their number.
    std::ostringstream query;
    query << "SELECT session_id, version FROM live_states WHERE session_id IN (";
    for (std::size_t i = 0; i < session_ids.size(); ++i) query << (i ? "," : "") << session_ids[i];
    query << ")";
    soci::rowset<soci::row> rows = sql.prepare << query.str();
    for (const auto& r : rows) out.emplace_back(as_int(r, "session_id"), as_int(r, "version"));
    return out;
}

std::optional<long long> confirmed_registration_id(soci::session& sql, long long cycle_id, long long user_id) {
    long long registration_id = 0;
    sql << "SELECT id FROM registrations WHERE cycle_id = :c AND user_id = :u AND status = 'confirmed'",
        soci::use(cycle_id), soci::use(user_id), soci::into(registration_id);
    if (!sql.got_data()) return std::nullopt;
    return registration_id;
}

std::vector<GroupMemberRow> session_group_members(soci::session& sql, long long session_id) {
    std::vector<GroupMemberRow> out;
    soci::rowset<soci::row> members =
        (sql.prepare << "SELECT g.group_number AS group_number, g.registration_id AS registration_id, "
                        "u.full_name AS full_name, COALESCE(c.name, '') AS collectivite_name, "
                        "g.is_client AS is_client FROM session_groups g JOIN registrations r ON r.id = g.registration_id "
                        "JOIN users u ON u.id = r.user_id "
                        "LEFT JOIN collectivites c ON c.id = r.collectivite_id "
                        "WHERE g.session_id = :s AND r.status = 'confirmed' "
                        "ORDER BY g.group_number, g.is_client DESC, u.full_name",
         soci::use(session_id));
    for (const auto& r : members)
        out.push_back({static_cast<int>(as_int(r, "group_number")), as_int(r, "registration_id"),
                       as_text(r, "full_name"), as_text(r, "collectivite_name"), as_int(r, "is_client") != 0});
    return out;
}

std::vector<GroupPostRow> session_group_posts(soci::session& sql, long long session_id) {
    std::vector<GroupPostRow> out;
    soci::rowset<soci::row> posts =
        (sql.prepare << "SELECT p.id AS id, p.group_number AS group_number, "
                        "p.author_registration_id AS author_registration_id, u.full_name AS full_name, "
                        "p.body AS body, p.created_at AS created_at FROM group_posts p "
                        "JOIN registrations r ON r.id = p.author_registration_id "
                        "JOIN users u ON u.id = r.user_id WHERE p.session_id = :s ORDER BY p.id",
         soci::use(session_id));
    for (const auto& r : posts)
        out.push_back({as_int(r, "id"), static_cast<int>(as_int(r, "group_number")),
                       as_int(r, "author_registration_id"), as_text(r, "full_name"), as_text(r, "body"),
                       as_int(r, "created_at")});
    return out;
}

std::vector<ActionLeadRow> session_action_leads(soci::session& sql, long long session_id) {
    std::vector<ActionLeadRow> out;
    soci::rowset<soci::row> leads =
        (sql.prepare << "SELECT id, registration_id, body FROM action_leads WHERE session_id = :s ORDER BY id",
         soci::use(session_id));
    for (const auto& r : leads) out.push_back({as_int(r, "id"), as_int(r, "registration_id"), as_text(r, "body")});
    return out;
}

}  // namespace ateliers::store
