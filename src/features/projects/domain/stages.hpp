#pragma once
// The three deliverables (note d'intention, note de cadrage, note de faisabilité) move
// through the same states; the next one opens only when the previous is validated.
#include <cstddef>
#include <string>
#include <vector>

namespace ateliers::projects {

enum class StageState { locked, draft, submitted, to_rework, validated };

std::string state_name(StageState s);           // stored value: locked, draft, submitted, a_reprendre, valide
StageState parse_state(const std::string& s);   // unknown -> locked
std::string state_label(StageState s);          // French, for pages

// Answers may be edited while the stage is being written or sent back.
bool editable(StageState s);
// Empty when the deliverable may be submitted, else why not (French).
std::string submit_problem(StageState s);
// Empty when a decision may be taken on the latest submission, else why not.
std::string review_problem(StageState s);
// The state after an advisor's decision (true: validé).
StageState after_review(bool validated);

// The states after the deliverable at `index` (0-based) changes to `next`: validating one
// opens the following one when it was still locked.
std::vector<StageState> with_state(std::vector<StageState> states, std::size_t index, StageState next);
// The index of the stage the project is at: the first not validated (size() when all are).
std::size_t current_stage(const std::vector<StageState>& states);
// Where the project stands, in French: "Livrable 2 : En rédaction", "Les trois livrables sont validés".
std::string stage_summary(const std::vector<StageState>& states);

// The stage a project is at, by index (current_stage): "Note d’intention", "Note de
// cadrage", "Note de faisabilité", then "Trois livrables validés".
std::string stage_name(std::size_t index);

inline constexpr std::size_t max_answer_chars = 20000;

}  // namespace ateliers::projects
