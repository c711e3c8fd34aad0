#pragma once
// The demo's accompaniment programme (seed 003): "Territoires d'engagement" with a few
// territories of the referential, clearly labelled as demonstration, the default know-how
// grid and one diagnostic. Loading twice changes nothing.
#include <string>

#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct DemoProgrammeCounts {
    bool already_there = false;
    int territories = 0;
    int answers = 0;
};

Result<DemoProgrammeCounts> seed_demo_programmes(store::Database& db);

}  // namespace ateliers::services
