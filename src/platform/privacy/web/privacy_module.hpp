#pragma once
// The privacy policy (/donnees-personnelles, its durations from the settings), "Mes
// données" (/compte/mes-donnees), erasing one's account (/compte/effacer), the organisers'
// counterpart on a person's request (/admin/donnees-personnelles), and the retention job. `sources` are the other modules' Module::personal_data, gathered by
// whoever builds the registry.
#include <vector>

#include "platform/modules/module.hpp"

namespace ateliers::privacy {

struct PrivacySettings {
    int retention_months = 24;  // texts of cycles and events ended longer ago are blanked (0: never)
};

modules::Module module(const PrivacySettings& settings, std::vector<PersonalDataSource> sources);

}  // namespace ateliers::privacy
