#pragma once
// Providers' load on the agency's dashboard, as a pure function: for each provider
// (prestataire), the territories it is assigned to, the actions it carries by status and
// its overdue follow-ups, so that the ANCT sees who is overloaded.
//
// A provider is named twice in the data: as a member of the programme (role provider,
// one row per territory, with its organisation) and in each action's "Prestataires" field
// (names separated by commas). Both are matched by the name folded for search
// (text::fold_for_search: case, accents and punctuation ignored), so "Atelier du
// Changement" and "atelier du changement" are one provider; a member without an
// organisation is named by its e-mail.
#include <map>
#include <string>
#include <vector>

namespace ateliers::programmes {

struct ProviderAssignment {
    std::string organisation;  // may be empty
    std::string email;
    long long territory_id = 0;
};

struct CarriedAction {
    long long territory_id = 0;
    std::string providers;  // the action's field, "A, B"
    std::string status;     // status code
    long long updated_at = 0;
};

struct ProviderLoad {
    std::string name;                        // as first written (a member's organisation first)
    std::vector<long long> territories;      // assigned, ascending
    std::map<std::string, int> by_status;    // status code → actions carried
    int actions = 0;
    int open = 0;     // proposée, en cours, bloquée
    int overdue = 0;  // open and without a follow-up for follow_up_overdue_weeks
};

// The names in an action's "Prestataires" field: split on commas, trimmed, empty ones left out.
std::vector<std::string> provider_names(const std::string& field);

// One row per provider, the most loaded first: open actions, then overdue follow-ups,
// then assigned territories, then name.
std::vector<ProviderLoad> provider_load(const std::vector<ProviderAssignment>& assignments,
                                        const std::vector<CarriedAction>& actions, long long now);

}  // namespace ateliers::programmes
