// The organiser's adjustments to a round: pins, exclusions, priorities and balance minimums.
#include <algorithm>

#include "features/registration/store/registrations.hpp"
#include "features/selection/services/round_reading.hpp"
#include "features/selection/services/selection_rounds.hpp"
#include "features/selection/store/rounds.hpp"
#include "platform/audit/audit.hpp"

namespace ateliers::services {

namespace {

// Runs `change` on every registration the person has in the round.
template <class F>
Status for_applicant(store::Database& db, std::int64_t closes_at, long long user_id, F&& change) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto cycles = rounds::round_cycles(sql, db.dialect(), closes_at, false);
        if (cycles.empty()) return fail("Aucune vague de candidatures ne se clôt à cette date.", {}, FailureKind::not_found);
        std::vector<long long> ids;
        for (const auto& c : cycles)
            for (const auto id : store::pending_applications(sql, c.id, user_id)) ids.push_back(id);
        if (ids.empty()) return fail("Cette personne n’a pas de candidature en attente dans cette vague.", {}, FailureKind::not_found);
        return change(sql, cycles, ids);
    });
}

}  // namespace

Status pin_applicant(store::Database& db, long long actor_id, std::int64_t closes_at, long long user_id,
                     long long cycle_id) {
    return for_applicant(db, closes_at, user_id, [&](soci::session& sql, const auto& cycles, const auto& ids) -> Status {
        std::string title;
        for (const auto& c : cycles)
            if (c.id == cycle_id) title = c.title;
        if (cycle_id != 0 && title.empty()) return fail("Ce cycle ne fait pas partie de la vague.", {}, FailureKind::not_found);
        const long long now = store::now_utc_seconds();
        bool chosen = cycle_id == 0;
        for (const long long id : ids) {
            const long long in_cycle = store::cycle_of_registration(sql, id);
            const int pin = in_cycle == cycle_id ? 1 : 0;
            if (pin) chosen = true;
            store::set_selection_pin(sql, id, pin, now);
        }
        if (!chosen) return fail("Cette personne n’a pas candidaté à ce cycle.", {}, FailureKind::invalid);
        record_audit(sql, actor_id, cycle_id ? "selection.pin" : "selection.unpin", "user:" + std::to_string(user_id),
                     cycle_id ? "Retenu·e d’office sur « " + title + " »" : "Retenue d’office levée");
        return Done{};
    });
}

Status exclude_applicant(store::Database& db, long long actor_id, std::int64_t closes_at, long long user_id,
                         bool excluded) {
    return for_applicant(db, closes_at, user_id, [&](soci::session& sql, const auto&, const auto& ids) -> Status {
        const long long now = store::now_utc_seconds();
        const int flag = excluded ? 1 : 0;
        for (const long long id : ids)
            store::set_selection_excluded(sql, id, flag, now);
        record_audit(sql, actor_id, excluded ? "selection.exclude" : "selection.include",
                     "user:" + std::to_string(user_id),
                     excluded ? "Écarté·e de la sélection" : "Réintégré·e dans la sélection");
        return Done{};
    });
}

Status set_applicant_priority(store::Database& db, long long actor_id, std::int64_t closes_at, long long user_id,
                              std::optional<long long> priority) {
    if (priority && (*priority < 0 || *priority > 100))
        return fail("La priorité doit être un nombre entier entre 0 et 100.", "priority", FailureKind::invalid);
    return for_applicant(db, closes_at, user_id, [&](soci::session& sql, const auto&, const auto& ids) -> Status {
        const long long now = store::now_utc_seconds();
        for (const long long id : ids) store::set_priority_override(sql, id, priority, now);
        record_audit(sql, actor_id, "selection.priority", "user:" + std::to_string(user_id),
                     priority ? "Priorité fixée à " + std::to_string(*priority) + " point(s)"
                              : "Priorité rendue à la valeur par défaut");
        return Done{};
    });
}

Status set_cycle_minimums(store::Database& db, long long actor_id, std::int64_t closes_at, long long cycle_id,
                          std::optional<long long> min_elus, std::optional<long long> min_agents) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto cycles = rounds::round_cycles(sql, db.dialect(), closes_at, false);
        const auto it = std::find_if(cycles.begin(), cycles.end(), [&](const auto& c) { return c.id == cycle_id; });
        if (it == cycles.end()) return fail("Ce cycle ne fait pas partie de la vague.", {}, FailureKind::not_found);
        for (const auto& [value, field] : {std::pair{min_elus, "min_elus"}, std::pair{min_agents, "min_agents"}})
            if (value && (*value < 0 || *value > it->capacity))
                return fail("Le minimum doit être compris entre 0 et la capacité du cycle (" +
                                std::to_string(it->capacity) + ").",
                            field, FailureKind::invalid);
        const long long e = min_elus.value_or(0), a = min_agents.value_or(0);
        store::set_cycle_minimums(sql, cycle_id, min_elus, min_agents);
        record_audit(sql, actor_id, "selection.minimums", "cycle:" + it->slug,
                     "Équilibre visé : " + (min_elus ? std::to_string(e) : std::string("un tiers")) + " élu(s), " +
                         (min_agents ? std::to_string(a) : std::string("un tiers")) + " agent(s)");
        return Done{};
    });
}

}  // namespace ateliers::services
