#pragma once
// What organisers see of an event's registrations: everyone with their choices, counts
// per workshop, and the spreadsheet (one sheet for all, one per workshop for the facilitators).
#include <map>
#include <string>
#include <vector>

#include "features/events/services/event_programme.hpp"
#include "features/events/store/event_registrations.hpp"
#include "platform/core/result.hpp"
#include "platform/export/spreadsheet.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct EventRosterLine {
    store::EventRegistrationRow registration;
    std::map<long long, store::ChoiceRow> choices;  // slot id -> choice
};

struct EventRoster {
    EventProgramme programme;
    std::vector<EventRosterLine> lines;  // active registrations, by arrival
    int in_person = 0;
    int online = 0;
};

// attendance: "" (all), "in_person" or "online".
Result<EventRoster> event_roster(store::Database& db, const std::string& slug, const std::string& attendance);

// Sheet "Inscrits" then one sheet per workshop (seats held, then the queue in order).
std::vector<spreadsheet::Table> event_roster_tables(const EventRoster& roster);

}  // namespace ateliers::services
