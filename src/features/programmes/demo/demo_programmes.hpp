#pragma once
// The demo's accompaniment programme (seed 003): "Territoires d'engagement" with a few
// territories of the referential, clearly labelled as demonstration, the default know-how
// grid, one diagnostic, one adopted plan with actions of each kind and their follow-ups,
// a year-1 review and supervision notes. Loading twice changes nothing.
#include <string>

#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct DemoProgrammeCounts {
    bool already_there = false;
    int territories = 0;
    int answers = 0;
    int actions = 0;
};

Result<DemoProgrammeCounts> seed_demo_programmes(store::Database& db);

}  // namespace ateliers::services
