#include "cli/modules.hpp"

#include "features/cycles/module.hpp"
#include "features/events/module.hpp"
#include "features/programmes/module.hpp"
#include "features/projects/module.hpp"
#include "features/feedback/module.hpp"
#include "features/identity/module.hpp"
#include "features/registration/module.hpp"
#include "features/reports/module.hpp"
#include "features/roles/module.hpp"
#include "features/running/module.hpp"
#include "features/selection/module.hpp"
#include "platform/files/personal_data.hpp"
#include "platform/privacy/web/privacy_module.hpp"

namespace ateliers::cli {

modules::Registry all_modules(const ModuleSettings& settings) {
    modules::Registry registry;
    registry.add(cycles::module())
        .add(registration::module())
        .add(selection::module())
        .add(running::module())
        .add(feedback::module())
        .add(events::module(settings.files))
        .add(programmes::module(settings.files))
        .add(projects::module())
        .add(identity::module(settings.proconnect))
        .add(roles::module());
    // Then the reports: they gather every other module's part of the agency report and
    // what its people did in each territory.
    services::ReachSources reach;
    for (const auto& m : registry.modules()) {
        if (m.report_section) reach.sections.push_back(m.report_section);
        if (m.territory_activity) reach.activities.push_back(m.territory_activity);
    }
    registry.add(reports::module(std::move(reach)));
    // Last: it gathers what every other module holds about a person.
    std::vector<privacy::PersonalDataSource> personal_data;
    for (const auto& m : registry.modules())
        personal_data.insert(personal_data.end(), m.personal_data.begin(), m.personal_data.end());
    personal_data.push_back(files::uploads_personal_data());  // the platform's own: files uploaded
    registry.add(privacy::module({settings.retention_months}, std::move(personal_data)));
    return registry;
}

}  // namespace ateliers::cli
