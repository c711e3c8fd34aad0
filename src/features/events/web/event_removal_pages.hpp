#pragma once
// Deleting an item or a slot from the programme editor (under /admin, role already checked):
// GET shows what would go and asks to confirm (or says why it may not), POST deletes.
#include <string>

#include "features/events/services/event_programme_removal.hpp"
#include "platform/http/app.hpp"

namespace ateliers::web::events_removal {

Response removal_page(const App& app, Visitor& visitor, const std::string& slug, services::ProgrammePart part, long long id);
Response removal_submit(const App& app, Visitor& visitor, const std::string& slug, services::ProgrammePart part, long long id);

}  // namespace ateliers::web::events_removal
