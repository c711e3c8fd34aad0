#pragma once
// The back office of events: create an event, build its programme as data (slots of
// parallel workshops, items, speakers), set capacities, publish. Each action is one
// transaction and one line of the audit journal.
#include <optional>
#include <string>
#include <vector>

#include "features/events/store/events.hpp"
#include "platform/core/result.hpp"
#include "platform/mail/outbox.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

// `actor_user_id` 0: the command line (demo content).
Result<long long> create_event(store::Database& db, long long actor_user_id, const store::EventRow& event);
Status publish_event(store::Database& db, long long actor_user_id, long long event_id, bool published);

// Refused when it overlaps another slot or falls outside the event.
Result<long long> add_event_slot(store::Database& db, long long actor_user_id, const store::SlotRow& slot);
Result<long long> add_event_item(store::Database& db, long long actor_user_id, const store::ItemRow& item);

// A day's title and introduction, replaced when the date already has one.
Status set_event_day(store::Database& db, long long actor_user_id, long long event_id, const store::DayRow& day);

struct SpeakerPart {
    long long item_id = 0;
    std::string role;  // speaker | moderator | witness | introduction
};
Result<long long> add_event_speaker(store::Database& db, long long actor_user_id, const store::SpeakerRow& speaker,
                                    const std::vector<SpeakerPart>& parts);

// Refused below the seats already held; a raise gives the new places to the people waiting.
Status set_workshop_capacity(store::Database& db, long long actor_user_id, long long item_id, std::optional<int> capacity,
                             const MailContext& mail);
Status set_event_capacity(store::Database& db, long long actor_user_id, long long event_id, int capacity,
                          const MailContext& mail);

}  // namespace ateliers::services
