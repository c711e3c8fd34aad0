#include "features/running/services/breakout_snapshot.hpp"

#include <algorithm>
#include <functional>

#include "features/running/services/live_sessions.hpp"

namespace ateliers::services::planning {

int Snapshot::session_index(long long session_id) const {
    const auto it = session_at.find(session_id);
    return it == session_at.end() ? -1 : it->second;
}

int Snapshot::person_index(long long registration_id) const {
    const auto it = person_at.find(registration_id);
    return it == person_at.end() ? -1 : it->second;
}

bool Snapshot::is_absent(long long session_id, long long registration_id) const {
    const auto it = attendance.find({session_id, registration_id});
    return it != attendance.end() && (it->second == "excused" || it->second == "absent");
}

int Snapshot::future_group_count() const {
    int count = 0;
    for (const auto& r : rows)
        if (session_index(r.session_id) >= first_future) count = std::max(count, r.group_number);
    return count;
}

std::optional<Snapshot> load_snapshot(soci::session& sql, store::Dialect dialect, const std::string& slug,
                                      std::int64_t now, bool lock) {
    auto cycle = store::find_cycle(sql, dialect, slug, lock);
    if (!cycle) return std::nullopt;
    Snapshot s;
    s.cycle = *cycle;
    s.sessions = store::sessions_by_number(sql, cycle->id);
    // Everything up to the last session that has started (by schedule or in the
    // runner) is held, so the sessions to come are always the tail the solver re-plans.
    const auto stages = live_stages(sql, cycle->id);
    for (std::size_t i = 0; i < s.sessions.size(); ++i) {
        const auto& session = s.sessions[i];
        s.session_at[session.id] = static_cast<int>(i);
        if (session_plan::has_started(session_state_of(stages, session.id, session.starts_at, session.ends_at, now)))
            s.first_future = static_cast<int>(i) + 1;
    }
    s.people = store::confirmed_participants(sql, cycle->id);
    for (std::size_t i = 0; i < s.people.size(); ++i) s.person_at[s.people[i].registration_id] = static_cast<int>(i);
    s.rows = store::cycle_group_rows(sql, cycle->id);
    s.attendance = store::cycle_attendance_records(sql, cycle->id);
    return s;
}

groups::Problem participants_problem(const Snapshot& s) {
    groups::Problem p;
    p.sessions = static_cast<int>(s.sessions.size());
    for (const auto& person : s.people) {
        groups::Participant who;
        who.id = std::to_string(person.registration_id);
        who.role = person.mandate == "elu"     ? groups::Role::elu
                   : person.mandate == "agent" ? groups::Role::agent
                                               : groups::Role::unspecified;
        who.collectivite = person.collectivite_id;
        p.participants.push_back(std::move(who));
    }
    return p;
}

StoredRounds stored_rounds(const Snapshot& s) {
    StoredRounds out;
    out.rounds.resize(s.sessions.size());
    out.clients.resize(s.sessions.size());
    for (const auto& r : s.rows) {
        const int session = s.session_index(r.session_id);
        const int person = s.person_index(r.registration_id);
        if (session < 0 || person < 0 || r.group_number < 1 || s.is_absent(r.session_id, r.registration_id)) continue;
        auto& round = out.rounds[session];
        auto& clients = out.clients[session];
        if (std::ssize(round) < r.group_number) {
            round.resize(r.group_number);
            clients.resize(r.group_number, -1);
        }
        round[r.group_number - 1].push_back(person);
        if (r.is_client) clients[r.group_number - 1] = person;
    }
    return out;
}

namespace {

// The solver gives a session's present people balanced group sizes, the larger
// ones to the groups holding the most locks; a lock holds when that fits.
std::optional<Failure> lock_overflow(const Snapshot& s, const groups::Problem& p, int session) {
    const int g_count = p.groups;
    int present = 0;
    std::vector<std::vector<std::string>> locked(g_count);
    for (const auto& who : p.participants) {
        const auto index = &who - p.participants.data();
        if (std::ranges::find(who.absent, session) != who.absent.end()) continue;
        ++present;
        for (const auto& l : who.locks)
            if (l.session == session) locked[l.group].push_back(s.people[index].full_name);
    }
    std::vector<int> order(g_count);
    for (int g = 0; g < g_count; ++g) order[g] = g;
    std::ranges::stable_sort(order, std::greater{}, [&](int g) { return locked[g].size(); });
    for (int k = 0; k < g_count; ++k) {
        const int g = order[k];
        const int size = present / g_count + (k < present % g_count ? 1 : 0);
        if (std::ssize(locked[g]) <= size) continue;
        std::string names;
        for (const auto& n : locked[g]) names += (names.empty() ? "" : ", ") + n;
        return fail("À la séance " + std::to_string(s.sessions[session].number) + ", " +
                        std::to_string(locked[g].size()) + " personnes sont verrouillées dans le groupe " +
                        std::to_string(g + 1) + " (" + names + "), qui ne peut en compter que " + std::to_string(size) +
                        " avec " + std::to_string(present) + " personnes présentes réparties en " +
                        std::to_string(g_count) + " groupes. Déverrouillez l’une d’elles ou changez le nombre de "
                        "groupes.",
                    "groups", FailureKind::invalid);
    }
    return std::nullopt;
}

}  // namespace

Result<groups::Problem> recompose_problem(const Snapshot& s, int group_count) {
    auto p = participants_problem(s);
    p.groups = group_count;
    const int sessions = static_cast<int>(s.sessions.size());
    for (int session = s.first_future; session < sessions; ++session)
        for (std::size_t i = 0; i < s.people.size(); ++i)
            if (s.is_absent(s.sessions[session].id, s.people[i].registration_id))
                p.participants[i].absent.push_back(session);
    for (const auto& r : s.rows) {
        const int session = s.session_index(r.session_id);
        const int person = s.person_index(r.registration_id);
        if (!r.locked || session < s.first_future || person < 0 || s.is_absent(r.session_id, r.registration_id))
            continue;
        if (r.group_number > group_count)
            return fail(s.people[person].full_name + " est verrouillé(e) dans le groupe " +
                            std::to_string(r.group_number) + " à la séance " +
                            std::to_string(s.sessions[session].number) + ", qui n’existe plus avec " +
                            std::to_string(group_count) + " groupe(s). Déverrouillez cette personne ou choisissez au "
                            "moins " + std::to_string(r.group_number) + " groupes.",
                        "groups", FailureKind::invalid);
        p.participants[person].locks.push_back({session, r.group_number - 1});
    }
    auto stored = stored_rounds(s);
    for (int session = 0; session < s.first_future; ++session) {
        p.past.push_back(stored.rounds[session]);
        p.past_clients.push_back(stored.clients[session]);
    }
    for (int session = s.first_future; session < sessions; ++session)
        if (auto overflow = lock_overflow(s, p, session)) return *overflow;
    return p;
}

}  // namespace ateliers::services::planning
