#pragma once
// The projects' reach: every project with its deliverables' states, for the agency
// report and the territory page; deliverables validated in a period; a project's team.
#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ateliers::store {

struct ProjectReachRow {
    long long id = 0;
    std::string title, collectivite_id;
    std::int64_t created_at = 0;
    std::vector<std::string> states;  // deliverables 1–3, stored values ("valide"…)
    std::int64_t last_validated_at = 0;  // 0 when none
};
// Projects created before `to` (all of them for a collectivité when `collectivite_id`
// is given), by creation.
std::vector<ProjectReachRow> project_reach_rows(soci::session& sql, std::int64_t to, const std::string& collectivite_id = "");

// Deliverables validated (an advisor's decision) in [from, to).
int project_validations_between(soci::session& sql, std::int64_t from, std::int64_t to);

// The project team's names (account name, else e-mail), then the advisors'.
std::vector<std::string> project_team_names(soci::session& sql, long long project_id);

}  // namespace ateliers::store
