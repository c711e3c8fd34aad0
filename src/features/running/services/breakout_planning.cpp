#include "features/running/services/breakout_planning.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "platform/audit/audit.hpp"
#include "features/running/services/breakout_snapshot.hpp"
#include "features/running/store/attendance.hpp"
#include "features/running/store/session_groups.hpp"

namespace ateliers::services {

namespace {

using planning::Snapshot;

// Any fixed value: the same registrations, absences and locks must always give
// the same groups, so that a facilitator who recomposes twice sees no change.
constexpr std::uint64_t planning_seed = 20240917;

// Product sizes (15 to 30 people, 4 sessions) stop on the solver's patience in
// well under a second; the limit is only a safety net.
constexpr std::chrono::milliseconds planning_time_limit{5000};

std::string plural(std::int64_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n > 1 ? many : one);
}

Failure no_cycle() { return fail("Ce cycle n’existe pas.", {}, FailureKind::not_found); }

// Index of a session to come, by its number.
Result<int> future_session(const Snapshot& s, int number) {
    for (std::size_t i = 0; i < s.sessions.size(); ++i) {
        if (s.sessions[i].number != number) continue;
        if (static_cast<int>(i) < s.first_future)
            return fail("La séance " + std::to_string(number) +
                            " a déjà commencé : ses groupes et les absences prévues ne changent plus.",
                        {}, FailureKind::conflict);
        return static_cast<int>(i);
    }
    return fail("Ce cycle n’a pas de séance " + std::to_string(number) + ".", {}, FailureKind::not_found);
}

Result<int> confirmed_person(const Snapshot& s, long long registration_id) {
    const int p = s.person_index(registration_id);
    if (p < 0) return fail("Cette personne n’a pas d’inscription confirmée à ce cycle.", {}, FailureKind::not_found);
    return p;
}

std::string session_range(const Snapshot& s) {
    const auto& first = s.sessions[s.first_future];
    if (s.first_future + 1 == std::ssize(s.sessions)) return "séance " + std::to_string(first.number);
    return "séances " + std::to_string(first.number) + " à " + std::to_string(s.sessions.back().number);
}

// Solves and replaces the groups of every session to come, inside the caller's transaction.
Result<PlanningOutcome> replan(soci::session& sql, const Snapshot& s, int group_count, long long actor_id,
                               const std::string& action, const std::string& what) {
    const int sessions = static_cast<int>(s.sessions.size());
    if (sessions == 0) return fail("Ce cycle n’a pas encore de séances : ajoutez-les avant de composer les groupes.", {}, FailureKind::conflict);
    if (s.first_future >= sessions)
        return fail("Toutes les séances de ce cycle ont commencé : leurs groupes ne changent plus.", {}, FailureKind::conflict);
    const int people = static_cast<int>(s.people.size());
    if (people == 0)
        return fail("Ce cycle n’a encore aucune inscription confirmée : il n’y a personne à répartir en groupes.", {}, FailureKind::conflict);
    if (group_count < 1 || group_count > people)
        return fail("Choisissez un nombre de groupes entre 1 et " + std::to_string(people) +
                        " (au plus un groupe par participant confirmé).",
                    "groups", FailureKind::invalid);
    auto problem = planning::recompose_problem(s, group_count);
    if (!problem) return problem.failure();
    groups::Options options;
    options.seed = planning_seed;
    options.time_limit = planning_time_limit;
    auto plan = groups::solve(problem.value(), options);
    if (!plan) return fail("Les groupes n’ont pas pu être composés : " + plan.failure().message + ".", "groups", FailureKind::invalid);

    for (int session = s.first_future; session < sessions; ++session) {
        const long long session_id = s.sessions[session].id;
        store::clear_session_groups(sql, session_id);
        const auto& round = plan->rounds[session];
        for (std::size_t g = 0; g < round.size(); ++g)
            for (int p : round[g]) {
                const long long registration_id = s.people[p].registration_id;
                const int group_number = static_cast<int>(g) + 1;
                const bool is_client = plan->clients[session][g] == p;
                const auto& locks = problem->participants[p].locks;
                const bool locked =
                    std::ranges::any_of(locks, [&](const groups::Lock& l) { return l.session == session; });
                store::insert_session_group_member(sql, session_id, registration_id, group_number, is_client, locked);
            }
    }
    PlanningOutcome out{plan->score, plan->lower_bound, group_count, sessions - s.first_future};
    record_audit(sql, actor_id, action, "cycle:" + s.cycle.slug,
                 what + " – " + session_range(s) + " composée(s) en " + plural(group_count, "groupe", "groupes") +
                     " : " + score_summary(out.score));
    return out;
}

}  // namespace

int default_group_count(int participants) {
    return std::max(1, static_cast<int>(std::lround(participants / 5.0)));
}

std::string score_summary(const groups::Score& score) {
    std::string out;
    out += score.same_collectivite_pairs == 0
               ? "aucun groupe ne réunit deux personnes d’une même collectivité"
               : plural(score.same_collectivite_pairs, "paire", "paires") + " de personnes d’une même collectivité";
    out += " ; ";
    out += score.groups_without_mix == 0
               ? "tous les groupes mêlent élus et agents"
               : plural(score.groups_without_mix, "groupe", "groupes") + " sans mélange d’élus et d’agents";
    out += " ; ";
    out += score.repeated_pairs == 0
               ? "personne ne retrouve une personne déjà rencontrée en groupe"
               : plural(score.repeated_pairs, "rencontre répétée", "rencontres répétées") +
                     " (deux personnes déjà réunies qui se retrouvent)";
    return out + ".";
}

Result<PlanningOutcome> compose_groups(store::Database& db, long long actor_id, const std::string& slug,
                                       int group_count, std::int64_t now) {
    return store::in_transaction<PlanningOutcome>(db, [&](soci::session& sql) -> Result<PlanningOutcome> {
        auto s = planning::load_snapshot(sql, db.dialect(), slug, now, true);
        if (!s) return no_cycle();
        return replan(sql, *s, group_count, actor_id, "groups.compose", "Groupes composés");
    });
}

Result<PlanningOutcome> move_and_lock(store::Database& db, long long actor_id, const std::string& slug,
                                      int session_number, long long registration_id, int group_number,
                                      std::int64_t now) {
    return store::in_transaction<PlanningOutcome>(db, [&](soci::session& sql) -> Result<PlanningOutcome> {
        auto s = planning::load_snapshot(sql, db.dialect(), slug, now, true);
        if (!s) return no_cycle();
        auto session = future_session(*s, session_number);
        if (!session) return session.failure();
        auto person = confirmed_person(*s, registration_id);
        if (!person) return person.failure();
        const int group_count = s->future_group_count();
        if (group_count == 0) return fail("Composez d’abord les groupes des séances à venir.", {}, FailureKind::conflict);
        if (group_number < 1 || group_number > group_count)
            return fail("Choisissez un groupe entre 1 et " + std::to_string(group_count) + ".", "group", FailureKind::invalid);
        const auto& name = s->people[person.value()].full_name;
        const long long session_id = s->sessions[session.value()].id;
        if (s->is_absent(session_id, registration_id))
            return fail(name + " est signalé(e) absent(e) à la séance " + std::to_string(session_number) +
                            " : retirez d’abord cette absence pour le ou la placer dans un groupe.",
                        {}, FailureKind::conflict);
        // The lock lives in the snapshot only: replan rewrites every row of the sessions to come.
        auto row = std::ranges::find_if(s->rows, [&](const store::GroupRow& r) {
            return r.session_id == session_id && r.registration_id == registration_id;
        });
        if (row == s->rows.end()) {
            s->rows.push_back({session_id, registration_id, group_number, false, true});
        } else {
            row->group_number = group_number;
            row->locked = true;
        }
        return replan(sql, *s, group_count, actor_id, "groups.lock",
                      name + " placé(e) et verrouillé(e) dans le groupe " + std::to_string(group_number) +
                          " de la séance " + std::to_string(session_number));
    });
}

Status unlock_member(store::Database& db, long long actor_id, const std::string& slug, int session_number,
                     long long registration_id, std::int64_t now) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        auto s = planning::load_snapshot(sql, db.dialect(), slug, now, true);
        if (!s) return no_cycle();
        auto session = future_session(*s, session_number);
        if (!session) return session.failure();
        auto person = confirmed_person(*s, registration_id);
        if (!person) return person.failure();
        const long long session_id = s->sessions[session.value()].id;
        store::unlock_session_group_member(sql, session_id, registration_id);
        record_audit(sql, actor_id, "groups.unlock", "cycle:" + s->cycle.slug,
                     s->people[person.value()].full_name + " déverrouillé(e) à la séance " +
                         std::to_string(session_number));
        return Done{};
    });
}

namespace {

// Records or withdraws an absence for a session to come, then recomposes when
// the sessions to come already have groups.
Result<PlanningOutcome> change_absence(store::Database& db, long long actor_id, const std::string& slug,
                                       int session_number, long long registration_id, std::int64_t now,
                                       bool absent) {
    return store::in_transaction<PlanningOutcome>(db, [&](soci::session& sql) -> Result<PlanningOutcome> {
        auto s = planning::load_snapshot(sql, db.dialect(), slug, now, true);
        if (!s) return no_cycle();
        auto session = future_session(*s, session_number);
        if (!session) return session.failure();
        auto person = confirmed_person(*s, registration_id);
        if (!person) return person.failure();
        const long long session_id = s->sessions[session.value()].id;
        const auto key = std::make_pair(session_id, registration_id);
        if (absent) {
            const std::string status = "excused";
            const long long at = now;
            if (s->attendance.count(key)) store::update_attendance_status(sql, session_id, registration_id, status, at);
            else store::insert_attendance(sql, session_id, registration_id, status, at);
            s->attendance[key] = status;
        } else {
            store::delete_attendance(sql, session_id, registration_id);
            s->attendance.erase(key);
        }
        const auto what = s->people[person.value()].full_name + (absent ? " excusé(e)" : " de nouveau attendu(e)") +
                          " à la séance " + std::to_string(session_number);
        const int group_count = s->future_group_count();
        if (group_count == 0) {
            record_audit(sql, actor_id, absent ? "groups.absence" : "groups.absence_withdrawn",
                         "cycle:" + s->cycle.slug, what);
            return PlanningOutcome{};
        }
        return replan(sql, *s, group_count, actor_id, absent ? "groups.absence" : "groups.absence_withdrawn", what);
    });
}

}  // namespace

Result<PlanningOutcome> plan_absence(store::Database& db, long long actor_id, const std::string& slug,
                                     int session_number, long long registration_id, std::int64_t now) {
    return change_absence(db, actor_id, slug, session_number, registration_id, now, true);
}

Result<PlanningOutcome> withdraw_absence(store::Database& db, long long actor_id, const std::string& slug,
                                         int session_number, long long registration_id, std::int64_t now) {
    return change_absence(db, actor_id, slug, session_number, registration_id, now, false);
}

}  // namespace ateliers::services
