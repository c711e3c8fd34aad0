#pragma once
// The pilot territory of seed 004 (a rural pôle territorial of the Tarn: 5 EPCI, 100
// communes, 59 500 inhabitants) and its "Management des organisations par la coopération"
// project: the note d'intention written, submitted and validated, the note de cadrage in
// writing; its actors and links (all four fantastiques), four moments of its cooperation
// log and one session on the value created. Labelled as demonstration; loaded once.
#include <string>

#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct DemoProjectCounts {
    int projects = 0;         // created now (0 when already there)
    bool territory_missing = false;  // the referential has no Tarn (test fixtures)
};

Result<DemoProjectCounts> seed_demo_projects(store::Database& db);

}  // namespace ateliers::services
