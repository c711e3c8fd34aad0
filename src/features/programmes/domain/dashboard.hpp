#pragma once
// The agency's dashboard rules, as pure functions: when an action's follow-up is
// overdue, and which families of the grid progressed most and least across territories.
#include <string>
#include <vector>

namespace ateliers::programmes {

// An action still open (proposée, en cours, bloquée) whose last follow-up is older than
// this is overdue; the reminders use the same figure.
constexpr int follow_up_overdue_weeks = 6;
// Proposée, en cours or bloquée: still to be carried.
bool action_open(const std::string& status);
bool follow_up_overdue(const std::string& status, long long updated_at, long long now,
                       int weeks = follow_up_overdue_weeks);

// One family's score in one assessment of one territory, in % of the maximum level.
struct TerritoryFamilyScore {
    long long territory_id = 0;
    int year = 0;
    std::string family_code;
    double percent = 0;
};

struct FamilyProgress {
    std::string family_code;
    int territories = 0;  // territories with a score for the family
    double first = 0;     // mean of each territory's earliest score
    double latest = 0;    // mean of each territory's latest score
    double delta = 0;     // latest − first, in percentage points
};

// Per family, each territory's earliest and latest assessed score, averaged across
// territories; most progressed first (then highest latest score, then code).
std::vector<FamilyProgress> family_progress(const std::vector<TerritoryFamilyScore>& scores);

}  // namespace ateliers::programmes
