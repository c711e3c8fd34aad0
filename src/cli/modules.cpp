#include "cli/modules.hpp"

#include "features/cycles/module.hpp"
#include "features/events/module.hpp"
#include "features/programmes/module.hpp"
#include "features/projects/module.hpp"
#include "features/feedback/module.hpp"
#include "features/identity/module.hpp"
#include "features/registration/module.hpp"
#include "features/reports/module.hpp"
#include "features/running/module.hpp"
#include "features/selection/module.hpp"

namespace ateliers::cli {

modules::Registry all_modules(const identity::ProConnectSettings& proconnect) {
    modules::Registry registry;
    registry.add(cycles::module())
        .add(registration::module())
        .add(selection::module())
        .add(running::module())
        .add(feedback::module())
        .add(reports::module())
        .add(events::module())
        .add(programmes::module())
        .add(projects::module())
        .add(identity::module(proconnect));
    return registry;
}

}  // namespace ateliers::cli
