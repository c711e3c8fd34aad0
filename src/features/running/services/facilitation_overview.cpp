#include "features/running/services/facilitation_overview.hpp"

#include "features/running/services/live_sessions.hpp"
#include "features/running/store/overview.hpp"
#include "platform/auth/permissions.hpp"

namespace ateliers::services {

namespace {

using CycleHead = store::FacilitatedCycleRow;

std::vector<CycleHead> cycle_heads(soci::session& sql, const std::string& only_slug) {
    return store::facilitated_cycle_heads(sql, only_slug);
}

FacilitatedCycle with_sessions(soci::session& sql, const CycleHead& head, long long now) {
    FacilitatedCycle c{head.slug, head.title, cycle_status_or_draft(head.status), {}};
    const long long cycle_id = head.id;
    for (const auto& s : store::facilitated_sessions(sql, cycle_id))
        c.sessions.push_back({s.id, s.number, s.starts_at, s.ends_at, s.has_own_plan, session_plan::Stage::not_started,
                              session_plan::SessionState::upcoming});
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
    return permissions::can_organise(user) || permissions::has_facilitator_role(user, head.id) ||
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
