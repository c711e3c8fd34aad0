#pragma once
// The organiser's side of a selection round, on top of the exact optimiser
// (allocation.hpp): default priority points, the organiser's pins and
// exclusions, and a reason for every applicant's outcome on every cycle they chose.
// Pure: no I/O.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "features/selection/domain/allocation.hpp"
#include "platform/core/result.hpp"

namespace ateliers::selection {

// Points from the size class of the applicant's collectivité: small communes and
// intercommunalités first, then medium ones, then large ones; départements and
// régions last. Organisers may override them per applicant.
long long default_priority(const std::string& size_class);

// Per applicant (same order as Round::applicants).
struct Adjustments {
    std::vector<std::optional<std::size_t>> pinned;  // cycle the organiser imposes
    std::vector<bool> excluded;                      // left out of the round
};

struct Proposal {
    allocation::Selection selection;
    allocation::Objective objective;  // over the whole round, pins included
    int proven_levels = 5;
    // Unselected, non-excluded applicants per cycle, best placed first (indices).
    std::vector<std::vector<std::size_t>> waiting;
};

// The best selection that keeps every pin and leaves out every excluded applicant.
// Fails (in French) when the pins themselves break a hard rule.
Result<Proposal> propose(const allocation::Round& round, const Adjustments& adjustments,
                         const allocation::SolverOptions& options = {});

enum class Reason {
    selected_first_choice,
    selected_other_choice,
    pinned,
    excluded,
    selected_elsewhere,      // has a seat on a cycle they ranked higher
    same_collectivite,       // a colleague holds the collectivité's place on this cycle
    higher_priority,         // full, everyone selected there has more priority points
    seat_pinned,             // full, the seats they could take are pinned by the organiser
    balance,                 // full, taking them would unbalance élus and agents
    placed_before,           // full, equal priority: rank of the choice, other cycles to fill, arrival
};

struct ChoiceOutcome {
    std::size_t cycle = 0;
    bool selected = false;
    Reason reason = Reason::placed_before;
    std::optional<std::size_t> colleague;  // for same_collectivite
    int waiting_position = 0;             // 1-based when on the waiting list
};

// Per applicant, one entry per chosen cycle, in the applicant's order of choice.
std::vector<std::vector<ChoiceOutcome>> explain(const allocation::Round& round, const Adjustments& adjustments,
                                                const Proposal& proposal);

// French sentence for the organiser, e.g. "Collectivité déjà retenue sur ce cycle".
std::string reason_text(Reason reason);

}  // namespace ateliers::selection
