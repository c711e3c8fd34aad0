#include "features/projects/domain/stages.hpp"

namespace ateliers::projects {

std::string state_name(StageState s) {
    switch (s) {
        case StageState::locked: return "locked";
        case StageState::draft: return "draft";
        case StageState::submitted: return "submitted";
        case StageState::to_rework: return "a_reprendre";
        case StageState::validated: return "valide";
    }
    return "locked";
}

StageState parse_state(const std::string& s) {
    if (s == "draft") return StageState::draft;
    if (s == "submitted") return StageState::submitted;
    if (s == "a_reprendre") return StageState::to_rework;
    if (s == "valide") return StageState::validated;
    return StageState::locked;
}

std::string state_label(StageState s) {
    switch (s) {
        case StageState::locked: return "Pas encore ouvert";
        case StageState::draft: return "En rédaction";
        case StageState::submitted: return "Soumis, en relecture";
        case StageState::to_rework: return "À reprendre";
        case StageState::validated: return "Validé";
    }
    return "";
}

bool editable(StageState s) { return s == StageState::draft || s == StageState::to_rework; }

std::string submit_problem(StageState s) {
    switch (s) {
        case StageState::locked: return "Ce livrable n’est pas encore ouvert : le précédent doit d’abord être validé.";
        case StageState::submitted: return "Ce livrable est déjà soumis et attend l’avis de l’accompagnateur.";
        case StageState::validated: return "Ce livrable est déjà validé.";
        default: return "";
    }
}

std::string review_problem(StageState s) {
    if (s == StageState::submitted) return "";
    return "Il n’y a pas de version soumise en attente d’avis pour ce livrable.";
}

StageState after_review(bool validated) { return validated ? StageState::validated : StageState::to_rework; }

std::vector<StageState> with_state(std::vector<StageState> states, std::size_t index, StageState next) {
    if (index >= states.size()) return states;
    states[index] = next;
    if (next == StageState::validated && index + 1 < states.size() && states[index + 1] == StageState::locked)
        states[index + 1] = StageState::draft;
    return states;
}

std::size_t current_stage(const std::vector<StageState>& states) {
    for (std::size_t i = 0; i < states.size(); ++i)
        if (states[i] != StageState::validated) return i;
    return states.size();
}

std::string stage_summary(const std::vector<StageState>& states) {
    const auto at = current_stage(states);
    if (states.empty()) return "";
    if (at == states.size()) return "Les trois livrables sont validés";
    return "Livrable " + std::to_string(at + 1) + " : " + state_label(states[at]);
}

std::string stage_name(std::size_t index) {
    static const char* names[] = {"Note d’intention", "Note de cadrage", "Note de faisabilité", "Trois livrables validés"};
    return names[index < 3 ? index : 3];
}

}  // namespace ateliers::projects
