#pragma once
// What the event's pages show: the list of events, and one event with its programme
// by day, then by time, plenary items and slots of parallel workshops, each with its
// speakers and, for workshops, the places held and people waiting.
#include <optional>
#include <string>
#include <vector>

#include "features/events/store/event_registrations.hpp"
#include "features/events/store/event_files.hpp"
#include "features/events/store/event_links.hpp"
#include "features/events/store/events.hpp"
#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct ProgrammeItem {
    store::ItemRow item;
    std::vector<store::ItemSpeakerRow> speakers;
    int held = 0;
    int waiting = 0;
};

struct ProgrammeSlot {
    store::SlotRow slot;
    std::vector<ProgrammeItem> workshops;
};

// One line of a day: a plenary item, or a slot of parallel workshops.
struct ProgrammeEntry {
    long long starts_at = 0;
    std::optional<ProgrammeItem> item;
    std::optional<ProgrammeSlot> slot;
};

struct ProgrammeDay {
    std::string date;  // "jeudi 26 novembre 2026", Europe/Paris
    std::string title;  // from event_days, may be empty
    std::string introduction;
    std::vector<ProgrammeEntry> entries;
};

struct EventProgramme {
    store::EventRow event;
    std::vector<ProgrammeDay> days;
    std::vector<store::SlotRow> slots;
    int confirmed = 0;
    int waiting = 0;
    // Confirmed people who agreed to appear in the public list: "Name – Organisation".
    std::vector<std::string> public_participants;
    // Documents published after the event (slides, a summary), as links.
    std::vector<store::EventLinkRow> links;
    std::vector<store::EventFileRow> files;  // and as files (services/event_files)
};

// Published events only unless `all`.
Result<std::vector<store::EventRow>> list_events(store::Database& db, bool all);
// Not found for an unpublished event unless `all`.
Result<EventProgramme> event_programme(store::Database& db, const std::string& slug, bool all);

// The person's active registration to the event, with their choices, if any.
struct MyEventRegistration {
    store::EventRegistrationRow registration;
    std::vector<store::ChoiceRow> choices;
};
Result<std::optional<MyEventRegistration>> my_event_registration(store::Database& db, long long event_id, long long user_id);

}  // namespace ateliers::services
