#include "features/selection/domain/selection.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace ateliers::selection {

using allocation::Role;
using allocation::Round;

long long default_priority(const std::string& size_class) {
    if (size_class == "commune_small" || size_class == "epci_small") return 3;
    if (size_class == "commune_medium" || size_class == "epci_medium") return 2;
    if (size_class == "commune_large" || size_class == "epci_large") return 1;
    return 0;
}

namespace {

long long minimum(const allocation::Cycle& c, Role role) { return role == Role::elu ? c.min_elus : c.min_agents; }

// Checks the pins against the hard rules before the optimiser sees the rest.
std::optional<std::string> broken_pin(const Round& round, const Adjustments& adj) {
    std::vector<long long> taken(round.cycles.size(), 0);
    std::map<std::pair<std::size_t, std::string>, std::size_t> holder;
    for (std::size_t i = 0; i < round.applicants.size(); ++i) {
        if (!adj.pinned[i]) continue;
        const auto& a = round.applicants[i];
        const auto k = *adj.pinned[i];
        const auto& cycle = round.cycles[k];
        if (adj.excluded[i]) return a.id + " est à la fois retenu·e d’office et écarté·e : choisissez l’un ou l’autre.";
        if (std::find(a.choices.begin(), a.choices.end(), k) == a.choices.end())
            return a.id + " n’a pas choisi le cycle « " + cycle.id + " » : on ne peut l’y retenir d’office.";
        if (++taken[k] > cycle.capacity)
            return "Trop de personnes retenues d’office sur « " + cycle.id + " » : il n’a que " +
                   std::to_string(cycle.capacity) + " places.";
        const auto [it, inserted] = holder.emplace(std::make_pair(k, a.collectivite), i);
        if (!inserted)
            return a.id + " et " + round.applicants[it->second].id +
                   " sont de la même collectivité et tous deux retenus d’office sur « " + cycle.id +
                   " » : une seule place par collectivité.";
    }
    return std::nullopt;
}

}  // namespace

Result<Proposal> propose(const Round& round, const Adjustments& adj, const allocation::SolverOptions& options) {
    const auto n = round.applicants.size();
    if (adj.pinned.size() != n || adj.excluded.size() != n) return fail("Ajustements incohérents avec la vague.");
    if (auto broken = broken_pin(round, adj)) return fail(*broken);

    // The optimiser sees what the pins leave: fewer seats, lower minimums, and no
    // choice of a cycle where the applicant's collectivité is already pinned.
    Round rest;
    rest.cycles = round.cycles;
    for (std::size_t i = 0; i < n; ++i) {
        if (!adj.pinned[i]) continue;
        auto& c = rest.cycles[*adj.pinned[i]];
        --c.capacity;
        auto& min = round.applicants[i].role == Role::elu ? c.min_elus : c.min_agents;
        min = std::max(0LL, min - 1);
    }
    std::vector<std::size_t> original;  // rest applicant -> round applicant
    for (std::size_t i = 0; i < n; ++i) {
        if (adj.pinned[i] || adj.excluded[i]) continue;
        auto a = round.applicants[i];
        std::erase_if(a.choices, [&](std::size_t k) {
            for (std::size_t j = 0; j < n; ++j)
                if (adj.pinned[j] == k && round.applicants[j].collectivite == a.collectivite) return true;
            return false;
        });
        rest.applicants.push_back(std::move(a));
        original.push_back(i);
    }
    const auto solution = allocation::optimise(rest, options);

    Proposal p;
    p.selection.assign(n, std::nullopt);
    for (std::size_t i = 0; i < n; ++i) p.selection[i] = adj.pinned[i];
    for (std::size_t r = 0; r < original.size(); ++r) p.selection[original[r]] = solution.selection[r];
    p.objective = allocation::evaluate(round, p.selection);
    p.proven_levels = solution.proven_levels;

    const auto arrival = allocation::arrival_ranks(round);
    using Place = std::tuple<long long, long long, long long, std::size_t>;  // -priority, rank, arrival, who
    std::vector<std::vector<Place>> queue(round.cycles.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (p.selection[i] || adj.excluded[i]) continue;
        const auto& a = round.applicants[i];
        for (std::size_t rank = 0; rank < a.choices.size(); ++rank)
            queue[a.choices[rank]].emplace_back(-a.priority, static_cast<long long>(rank), arrival[i], i);
    }
    p.waiting.resize(round.cycles.size());
    for (std::size_t k = 0; k < round.cycles.size(); ++k) {
        std::sort(queue[k].begin(), queue[k].end());
        for (const auto& place : queue[k]) p.waiting[k].push_back(std::get<3>(place));
    }
    return p;
}

namespace {

// Why an applicant who did not get cycle k could not have it.
ChoiceOutcome why_not(const Round& round, const Adjustments& adj, std::size_t who, std::size_t k,
                      const std::vector<std::vector<std::size_t>>& selected_on) {
    ChoiceOutcome out{k, false, Reason::placed_before, std::nullopt, 0};
    const auto& a = round.applicants[who];
    for (const auto other : selected_on[k])
        if (round.applicants[other].collectivite == a.collectivite) {
            out.reason = Reason::same_collectivite;
            out.colleague = other;
            return out;
        }
    const auto& cycle = round.cycles[k];
    if (static_cast<long long>(selected_on[k].size()) < cycle.capacity) return out;
    long long elus = 0, agents = 0;
    for (const auto s : selected_on[k]) (round.applicants[s].role == Role::elu ? elus : agents)++;
    // Whom could they have replaced? Only people the optimiser chose, with no more points.
    bool any_pinned = false, any_replaceable = false, swap_unbalances = true;
    for (const auto s : selected_on[k]) {
        const auto& b = round.applicants[s];
        if (b.priority > a.priority) continue;
        if (adj.pinned[s]) {
            any_pinned = true;
            continue;
        }
        any_replaceable = true;
        const long long count = b.role == Role::elu ? elus : agents;
        if (b.role == a.role || count > minimum(cycle, b.role)) swap_unbalances = false;
    }
    out.reason = !any_replaceable ? (any_pinned ? Reason::seat_pinned : Reason::higher_priority)
                 : swap_unbalances ? Reason::balance
                                   : Reason::placed_before;
    return out;
}

}  // namespace

std::vector<std::vector<ChoiceOutcome>> explain(const Round& round, const Adjustments& adj, const Proposal& p) {
    const auto n = round.applicants.size();
    std::vector<std::vector<std::size_t>> selected_on(round.cycles.size());
    for (std::size_t i = 0; i < n; ++i)
        if (p.selection[i]) selected_on[*p.selection[i]].push_back(i);
    std::vector<std::vector<int>> position(round.cycles.size(), std::vector<int>(n, 0));
    for (std::size_t k = 0; k < p.waiting.size(); ++k)
        for (std::size_t w = 0; w < p.waiting[k].size(); ++w) position[k][p.waiting[k][w]] = static_cast<int>(w) + 1;

    std::vector<std::vector<ChoiceOutcome>> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& a = round.applicants[i];
        const auto got = p.selection[i];
        const auto got_rank = got ? std::find(a.choices.begin(), a.choices.end(), *got) - a.choices.begin()
                                  : static_cast<std::ptrdiff_t>(a.choices.size());
        for (std::size_t rank = 0; rank < a.choices.size(); ++rank) {
            const auto k = a.choices[rank];
            ChoiceOutcome o{k, false, Reason::placed_before, std::nullopt, position[k][i]};
            if (got == k) {
                o.selected = true;
                o.reason = adj.pinned[i] ? Reason::pinned
                           : rank == 0   ? Reason::selected_first_choice
                                         : Reason::selected_other_choice;
            } else if (adj.excluded[i]) {
                o.reason = Reason::excluded;
            } else if (got && static_cast<std::ptrdiff_t>(rank) > got_rank) {
                o.reason = Reason::selected_elsewhere;
            } else {
                o = why_not(round, adj, i, k, selected_on);
                o.waiting_position = position[k][i];
            }
            out[i].push_back(o);
        }
    }
    return out;
}

std::string reason_text(Reason reason) {
    switch (reason) {
        case Reason::selected_first_choice: return "Retenu·e sur son premier vœu";
        case Reason::selected_other_choice: return "Retenu·e sur ce vœu, les vœux mieux classés n’ayant pu être servis";
        case Reason::pinned: return "Retenu·e d’office par l’organisation";
        case Reason::excluded: return "Écarté·e par l’organisation";
        case Reason::selected_elsewhere: return "Déjà retenu·e sur un vœu mieux classé (une seule place par vague)";
        case Reason::same_collectivite: return "Collectivité déjà retenue sur ce cycle";
        case Reason::higher_priority: return "Cycle complet, priorité plus élevée retenue";
        case Reason::seat_pinned: return "Cycle complet, places retenues d’office par l’organisation";
        case Reason::balance: return "Cycle complet, équilibre élus/agents à préserver";
        case Reason::placed_before:
            return "Cycle complet : à priorité égale, d’autres candidatures passent avant (places à pourvoir "
                   "ailleurs, rang du vœu, date de candidature)";
    }
    return {};
}

}  // namespace ateliers::selection
