#pragma once
// The programmes' reach: territories accompanied by programmes running in some years,
// their plan actions and reviews, for the agency report; and a collectivité's own
// territories of programmes, for the territory page.
#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ateliers::store {

struct ProgrammeReachTerritory {
    long long territory_id = 0;
    std::string programme_slug, programme_title;
    int starts_year = 0, years = 0;
    std::string collectivite_id, label;
};
// Territories of the programmes running at some time in [first_year, last_year].
std::vector<ProgrammeReachTerritory> programme_reach_territories(soci::session& sql, int first_year, int last_year);
// Territories whose collectivité is `collectivite_id`, every programme.
std::vector<ProgrammeReachTerritory> programme_territories_of(soci::session& sql, const std::string& collectivite_id);

struct ProgrammeActionCount {
    long long territory_id = 0;
    std::string status;
    int count = 0;
};
// Plan actions of the territories of programmes running in [first_year, last_year]
// (first_year > last_year: of every territory), by territory and status.
std::vector<ProgrammeActionCount> programme_action_counts(soci::session& sql, int first_year, int last_year);

struct ProgrammeAssessmentDone {
    long long territory_id = 0;
    int year = 0;  // 0: the diagnostic; 1…: annual reviews
    std::int64_t completed_at = 0;
};
// Completed diagnostics and reviews, completed in [from, to).
std::vector<ProgrammeAssessmentDone> programme_assessments_done(soci::session& sql, std::int64_t from, std::int64_t to);

// The territory team's names (account name, else e-mail) of one territory.
std::vector<std::string> programme_territory_team(soci::session& sql, long long territory_id);

}  // namespace ateliers::store
