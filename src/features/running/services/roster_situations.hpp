#pragma once
// What the facilitator reads to prepare the sessions: each confirmed participant's
// collectivité, function, mandate and the situation they wrote when registering.
// Open to the cycle's facilitator and organisers (the caller checks it, as for the
// other /animation pages), from the confirmation on, before session 1. The CSV
// export is personal data leaving the service: it is written to the audit log.
#include <optional>
#include <string>
#include <vector>

#include "platform/core/result.hpp"
#include "features/registration/services/registration_admin.hpp"
#include "platform/export/spreadsheet.hpp"
#include "features/cycles/store/cycles.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct ParticipantSituation {
    long long registration_id = 0;
    std::string full_name;
    std::string collectivite;  // "Pélussin (42) – commune"
    std::string function_title;
    std::string mandate;  // elu | agent
    std::string situation;
};

struct CycleSituations {
    store::CycleRow cycle;
    std::vector<ParticipantSituation> people;  // confirmed, by name
};

// nullopt when no cycle has this slug.
Result<std::optional<CycleSituations>> cycle_situations(store::Database& db, const std::string& slug);

// One row per confirmed participant, the columns of the page.
spreadsheet::Table situations_table(const CycleSituations& s);

// situations-<slug>.csv (UTF-8 with BOM, ';'), audited as "situations.export".
Result<ExportFile> export_situations(store::Database& db, long long actor_id, const std::string& slug);

}  // namespace ateliers::services
