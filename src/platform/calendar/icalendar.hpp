#pragma once
// iCalendar (RFC 5545) export of workshop sessions, so that participants can add a
// whole cycle to Thunderbird, Outlook or a phone in one click and see moves and
// cancellations when the feed is refreshed (same UID, higher SEQUENCE).
#include <cstdint>
#include <string>
#include <vector>

namespace ateliers::calendar {

struct Event {
    std::string uid;          // stable, e.g. "session-42@ateliers-territoires.anct.gouv.fr"
    std::string summary;      // "Atelier 2/4 – Forêts : comment coopérer…"
    std::string description;  // plain text, may contain newlines and commas/semicolons
    std::int64_t starts_at;   // UTC seconds
    std::int64_t ends_at;     // UTC seconds
    std::string url;          // visio link (also put in LOCATION)
    int sequence = 0;         // increased when a session moves
    std::int64_t stamp = 0;   // DTSTAMP, UTC seconds
    bool cancelled = false;   // STATUS:CANCELLED
};

struct Calendar {
    std::string name;  // X-WR-CALNAME
    std::vector<Event> events;
    // METHOD:PUBLISH requires exactly one ORGANIZER per event (RFC 5546 §3.2.1);
    // without it libical, and some clients, flag the event as invalid.
    std::string organizer_name = "Ateliers des territoires";
    std::string organizer_email = "ne-pas-repondre@ateliers-territoires.anct.gouv.fr";
};

// The whole VCALENDAR, CRLF line endings, lines folded at 75 octets.
std::string to_ics(const Calendar& calendar);

}  // namespace ateliers::calendar
