// The read side of breakout planning: a cycle's groups as the facilitator's page shows them.
#include <algorithm>
#include <set>

#include "platform/core/text.hpp"
#include "features/running/services/breakout_planning.hpp"
#include "features/running/services/breakout_snapshot.hpp"

namespace ateliers::services {

namespace {

PlannedMember member_of(const store::ParticipantRow& p) {
    PlannedMember m;
    m.registration_id = p.registration_id;
    m.full_name = p.full_name;
    m.mandate = p.mandate;
    m.collectivite_label = p.collectivite_label;
    return m;
}

bool by_name(const PlannedMember& a, const PlannedMember& b) {
    return text::fold_for_search(a.full_name) < text::fold_for_search(b.full_name);
}

}  // namespace

Result<std::optional<CyclePlanning>> cycle_planning(store::Database& db, const std::string& slug, std::int64_t now) {
    try {
        return store::with_session(db, [&](soci::session& sql) -> std::optional<CyclePlanning> {
            auto s = planning::load_snapshot(sql, db.dialect(), slug, now, false);
            if (!s) return std::nullopt;
            CyclePlanning out;
            out.cycle = s->cycle;
            out.participants = s->people;
            std::ranges::sort(out.participants, [](const store::ParticipantRow& a, const store::ParticipantRow& b) {
                return text::fold_for_search(a.full_name) < text::fold_for_search(b.full_name);
            });
            out.group_count = s->future_group_count();
            out.composed = out.group_count > 0;
            out.suggested_group_count = default_group_count(static_cast<int>(s->people.size()));
            out.has_future = s->first_future < std::ssize(s->sessions);

            std::set<int> clients;
            for (std::size_t i = 0; i < s->sessions.size(); ++i) {
                PlannedSession ps;
                ps.session = s->sessions[i];
                ps.held = static_cast<int>(i) < s->first_future;
                std::set<long long> placed;
                for (const auto& r : s->rows) {
                    if (r.session_id != ps.session.id) continue;
                    const int p = s->person_index(r.registration_id);
                    if (p < 0) {
                        // Cancelled since the groups were made: shown nowhere, but due for recomposing.
                        if (!ps.held) out.needs_recompose = true;
                        continue;
                    }
                    if (s->is_absent(r.session_id, r.registration_id)) {
                        if (!ps.held) out.needs_recompose = true;
                        continue;
                    }
                    if (std::ssize(ps.groups) < r.group_number) ps.groups.resize(r.group_number);
                    auto m = member_of(s->people[p]);
                    m.is_client = r.is_client;
                    m.locked = r.locked && !ps.held;
                    if (m.is_client) clients.insert(p);
                    ps.groups[r.group_number - 1].push_back(std::move(m));
                    placed.insert(r.registration_id);
                }
                for (const auto& person : s->people) {
                    if (s->is_absent(ps.session.id, person.registration_id))
                        ps.absent.push_back(member_of(person));
                    else if (!ps.held && out.composed && !placed.count(person.registration_id))
                        ps.unplaced.push_back(member_of(person));
                }
                if (!ps.unplaced.empty()) out.needs_recompose = true;
                for (auto& g : ps.groups) std::ranges::sort(g, by_name);
                std::ranges::sort(ps.absent, by_name);
                std::ranges::sort(ps.unplaced, by_name);
                out.sessions.push_back(std::move(ps));
            }
            out.situations_planned = static_cast<int>(clients.size());
            const auto stored = planning::stored_rounds(*s);
            out.score = groups::evaluate(planning::participants_problem(*s), stored.rounds);
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

}  // namespace ateliers::services
