#pragma once
// The situations the confirmed participants bring to the cycle's co-development groups.
#include <soci/soci.h>

#include <string>
#include <vector>

namespace ateliers::store {

struct SituationRow {
    long long registration_id = 0;
    std::string full_name;
    std::string collectivite_label;  // "Pélussin (42) – commune"
    std::string function_title;
    std::string mandate;  // elu | agent
    std::string situation;
};

// The cycle's confirmed registrations, unordered.
std::vector<SituationRow> confirmed_situations(soci::session& sql, long long cycle_id);

}  // namespace ateliers::store
