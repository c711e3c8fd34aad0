#pragma once
// An event and its programme: slots of parallel workshops, items, speakers.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "platform/store/database.hpp"

namespace ateliers::store {

struct EventRow {
    long long id = 0;
    std::string slug;
    std::string title;
    std::string kind;  // journees | seminaire | rencontre | webinaire
    std::string summary;
    std::string description;
    std::string venue;
    std::string address;
    std::string online_policy;
    std::string pmr_access;
    std::string meals;
    std::string organisers;
    std::string contacts;
    long long starts_at = 0;
    long long ends_at = 0;
    int capacity = 0;
    bool published = false;
};

long long insert_event(soci::session& sql, const EventRow& e, long long now);
// lock: FOR UPDATE on PostgreSQL, so that registrations to one event queue one behind
// the other (SQLite serialises writers anyway).
std::optional<EventRow> find_event(soci::session& sql, Dialect dialect, const std::string& slug, bool lock);
std::optional<EventRow> find_event_by_id(soci::session& sql, Dialect dialect, long long id, bool lock);
// By start; published ones only unless `all`.
std::vector<EventRow> list_events(soci::session& sql, bool all);
void set_event_published(soci::session& sql, long long event_id, bool published);
void set_event_capacity(soci::session& sql, long long event_id, int capacity);

struct SlotRow {
    long long id = 0;
    long long event_id = 0;
    std::string title;
    long long starts_at = 0;
    long long ends_at = 0;
    std::string description;
};
long long insert_slot(soci::session& sql, const SlotRow& s);
void update_slot(soci::session& sql, const SlotRow& s);
std::vector<SlotRow> event_slots(soci::session& sql, long long event_id);  // by start

struct DayRow {
    std::string day;  // Paris date, "2026-11-26"
    std::string title;
    std::string introduction;
};
void upsert_day(soci::session& sql, long long event_id, const DayRow& d);
std::vector<DayRow> event_days(soci::session& sql, long long event_id);

struct ItemRow {
    long long id = 0;
    long long event_id = 0;
    long long slot_id = 0;  // 0: plenary
    std::string kind;
    std::string title;
    std::string description;
    std::string room;
    long long starts_at = 0;
    long long ends_at = 0;  // 0: not given
    std::optional<int> capacity;
    int position = 0;
};
long long insert_item(soci::session& sql, const ItemRow& i);
std::optional<ItemRow> find_item(soci::session& sql, long long item_id);
std::vector<ItemRow> event_items(soci::session& sql, long long event_id);  // by start, position
void set_item_capacity(soci::session& sql, long long item_id, std::optional<int> capacity);
// Kind, slot, texts, times and capacity of a stored item (its position is kept).
void update_item(soci::session& sql, const ItemRow& i);
// Removes an item, or a slot with its workshops; their choices, speaker links and
// attendance marks go with them (ON DELETE CASCADE). The speakers' cards stay.
void delete_item(soci::session& sql, long long item_id);
void delete_slot(soci::session& sql, long long slot_id);
// A slot's workshops take its times (they are stored on each item for the calendar).
void move_slot_items(soci::session& sql, long long slot_id, long long starts_at, long long ends_at);

struct SpeakerRow {
    long long id = 0;
    long long event_id = 0;
    std::string full_name;
    std::string function_title;
    std::string organisation;
};
long long insert_speaker(soci::session& sql, const SpeakerRow& s);
std::vector<SpeakerRow> event_speakers(soci::session& sql, long long event_id);  // by name
void link_speaker(soci::session& sql, long long item_id, long long speaker_id, const std::string& role, int position);

struct ItemSpeakerRow {
    long long item_id = 0;
    std::string role;  // speaker | moderator | witness | introduction
    SpeakerRow speaker;
};
std::vector<ItemSpeakerRow> event_item_speakers(soci::session& sql, long long event_id);  // by item, position

}  // namespace ateliers::store
