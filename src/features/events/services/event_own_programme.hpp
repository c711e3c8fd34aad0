#pragma once
// A person's own programme as plain text for e-mails: day by day, the plenary items and
// the workshops they chose (with "liste d'attente" where they wait), slots left open
// said so.
#include <string>
#include <vector>

#include "features/events/store/event_registrations.hpp"
#include "features/events/store/events.hpp"

namespace ateliers::services {

// `items`: the event's, by start (store::event_items); `slots`: its slots of workshops.
std::string own_programme_text(const std::vector<store::ItemRow>& items, const std::vector<store::SlotRow>& slots,
                               const std::vector<store::ChoiceRow>& choices);

}  // namespace ateliers::services
