#pragma once
// Deleting an item or a slot of parallel workshops from the programme, in two steps: the
// organiser first sees what would go (and whether it may, events::removal_refusal), then
// confirms. The deletion re-checks under the event's lock, so a registration arriving in
// between is never deleted; it is one transaction and one line of the audit journal.
#include <optional>
#include <string>
#include <vector>

#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

enum class ProgrammePart { item, slot };

struct RemovalPreview {
    std::string event_title;
    std::string title;                   // of the item or the slot
    std::vector<std::string> workshops;  // a slot's, deleted with it
    std::optional<std::string> refusal;  // why it may not go, in French
};

// Not found when the item or the slot is not the event's.
Result<RemovalPreview> programme_removal_preview(store::Database& db, const std::string& slug, ProgrammePart part, long long id);

// Conflict (with the reason) when someone holds or awaits a place in it.
Status remove_from_programme(store::Database& db, long long actor_user_id, const std::string& slug, ProgrammePart part,
                             long long id);

}  // namespace ateliers::services
