#pragma once
// The back office's forms: create an event, duplicate one, edit its programme (slots,
// items, speakers) from what was typed. Each refusal carries a French message per field
// (Failure::fields) so the form comes back with them; each change is one transaction and
// one line of the audit journal.
#include <string>

#include "features/events/domain/programme_editing.hpp"
#include "platform/core/result.hpp"
#include "platform/mail/outbox.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

// The new event is unpublished; its slug (typed or derived from the title) must be free.
Result<std::string> create_event_from_form(store::Database& db, long long actor_user_id, const events::EventForm& form);

// Copies the event, its days, slots, items and speakers with every date moved by the
// number of days typed (Paris hours kept), unpublished, without registrations.
Result<std::string> duplicate_event(store::Database& db, long long actor_user_id, const std::string& source_slug,
                                    const events::DuplicateForm& form);

// `slot_id` 0 adds a slot; otherwise edits it and moves its workshops with it.
Result<long long> save_event_slot(store::Database& db, long long actor_user_id, const std::string& slug, long long slot_id,
                                  const events::SlotForm& form);

// `item_id` 0 adds an item; otherwise edits it. A workshop's capacity may not fall below its
// seats held; a raise gives the new places to the people waiting.
Result<long long> save_event_item(store::Database& db, long long actor_user_id, const std::string& slug, long long item_id,
                                  const events::ItemForm& form, const MailContext& mail);

// Links an existing speaker of the event, or a new one, to an item with a role.
Result<long long> add_item_speaker(store::Database& db, long long actor_user_id, const std::string& slug, long long item_id,
                                   const events::SpeakerForm& form);

// Documents after the event, as links (title and http(s) address) shown on its public page.
Result<long long> add_event_link(store::Database& db, long long actor_user_id, const std::string& slug,
                                 const std::string& title, const std::string& url);
Status remove_event_link(store::Database& db, long long actor_user_id, const std::string& slug, long long link_id);

}  // namespace ateliers::services
