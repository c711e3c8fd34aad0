#pragma once
// Aggregates over a whole programme for the agency's dashboard, each one query.
#include <soci/soci.h>

#include <string>
#include <vector>

#include "features/programmes/domain/provider_load.hpp"

namespace ateliers::store {

struct ProgrammeActionCount {
    long long territory_id = 0;
    std::string status;
    int count = 0;
};
std::vector<ProgrammeActionCount> programme_action_counts(soci::session& sql, long long programme_id);

struct ProgrammeOpenAction {
    long long territory_id = 0;
    long long action_id = 0;
    std::string title;
    std::string status;
    long long updated_at = 0;
};
// Open actions (proposée, en cours, bloquée) not updated since `before`, oldest first.
std::vector<ProgrammeOpenAction> programme_stale_actions(soci::session& sql, long long programme_id, long long before);

// Per assessment and family: the sum of levels, how many criteria are rated, the scale's top.
struct ProgrammeFamilySum {
    long long territory_id = 0;
    int year = 0;
    std::string family_code;
    long long level_sum = 0;
    int rated = 0;
    int max_level = 0;
};
std::vector<ProgrammeFamilySum> programme_family_sums(soci::session& sql, long long programme_id);

// For the providers' load (programmes/domain/provider_load): the provider members, one
// row per territory, and every action's providers field with its status.
std::vector<programmes::ProviderAssignment> programme_provider_assignments(soci::session& sql, long long programme_id);
std::vector<programmes::CarriedAction> programme_carried_actions(soci::session& sql, long long programme_id);

std::vector<long long> programme_adopted_territories(soci::session& sql, long long programme_id);

}  // namespace ateliers::store
