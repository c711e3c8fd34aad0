#include "features/running/services/animation_overview.hpp"

#include "features/running/services/live_sessions.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::services {

namespace {

using store::as_int;
using store::as_text;

struct CycleHead {
    long long id = 0;
    std::string slug, title, status;
    long long facilitator_user = 0;
};

std::vector<CycleHead> cycle_heads(soci::session& sql, const std::string& only_slug) {
    std::vector<CycleHead> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT c.id, c.slug, c.title, c.status, COALESCE(f.user_id, 0), "
                        "COALESCE((SELECT MIN(s.starts_at) FROM cycle_sessions s WHERE s.cycle_id = c.id), 0) "
                        "AS first_start "
                        "FROM cycles c LEFT JOIN facilitators f ON f.id = c.facilitator_id "
                        "WHERE :all = '' OR c.slug = :slug ORDER BY first_start, c.title",
         soci::use(only_slug, "all"), soci::use(only_slug, "slug"));
    for (const auto& r : rows) out.push_back({as_int(r, 0), as_text(r, 1), as_text(r, 2), as_text(r, 3), as_int(r, 4)});
    return out;
}

FacilitatedCycle with_sessions(soci::session& sql, const CycleHead& head, long long now) {
    FacilitatedCycle c{head.slug, head.title, head.status, {}};
    const long long cycle_id = head.id;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT s.id, s.number, s.starts_at, s.ends_at, "
                        "CASE WHEN p.session_id IS NULL THEN 0 ELSE 1 END FROM cycle_sessions s "
                        "LEFT JOIN session_plans p ON p.session_id = s.id WHERE s.cycle_id = :c ORDER BY s.number",
         soci::use(cycle_id));
    for (const auto& s : rows)
        c.sessions.push_back({as_int(s, 0), static_cast<int>(as_int(s, 1)), as_int(s, 2), as_int(s, 3),
                              as_int(s, 4) != 0, plan::Stage::not_started, plan::SessionState::upcoming});
    const auto stages = live_stages(sql, cycle_id);
    for (auto& s : c.sessions) {
        if (const auto it = stages.find(s.session_id); it != stages.end()) s.stage = it->second;
        s.state = session_state_of(stages, s.session_id, s.starts_at, s.ends_at, now);
    }
    return c;
}

// services::can_facilitate's rule, applied to rows already read (one query for the
// whole list instead of one per cycle).
bool may_run(const CurrentUser& user, const CycleHead& head) {
    return user.has_role("organiser") || user.has_role("admin") || user.has_role("facilitator:" + head.slug) ||
           (head.facilitator_user != 0 && head.facilitator_user == user.id);
}

}  // namespace

Result<std::vector<FacilitatedCycle>> facilitated_cycles(store::Database& db, const CurrentUser& user,
                                                         long long now) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::vector<FacilitatedCycle> out;
            for (const auto& head : cycle_heads(sql, ""))
                if (may_run(user, head)) out.push_back(with_sessions(sql, head, now));
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<FacilitatedCycle> facilitated_cycle(store::Database& db, const CurrentUser& user, const std::string& slug,
                                           long long now) {
    try {
        return store::with_session(db, [&](soci::session& sql) -> Result<FacilitatedCycle> {
            const auto heads = slug.empty() ? std::vector<CycleHead>{} : cycle_heads(sql, slug);
            if (heads.empty()) return fail("Ce cycle n’existe pas.", {}, FailureKind::not_found);
            if (!may_run(user, heads.front()))
                return fail("Seule l’équipe d’animation de ce cycle peut accéder à cette page.", {}, FailureKind::forbidden);
            return with_sessions(sql, heads.front(), now);
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

}  // namespace ateliers::services
