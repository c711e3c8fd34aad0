#pragma once
// The back office's forms for an event and its programme, checked as pure functions:
// what was typed (strings, as the browser sends them) -> the values to store, or a French
// message per field. Dates and hours are Paris wall-clock time, as organisers think.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "features/events/domain/programme_rules.hpp"

namespace ateliers::events {

using FieldProblems = std::map<std::string, std::string>;

// "9:15", "09:15", "9h15", "9 h 15", "14h" -> minutes since midnight; nullopt otherwise.
std::optional<int> parse_time_of_day(const std::string& typed);

// A Paris date ("2027-01-14" or "14/01/2027") and time -> UTC seconds; nullopt when either is not valid.
std::optional<std::int64_t> paris_moment(const std::string& date, const std::string& time);

// An event's slug, when none is typed, is text::slug_of its title.
// Whether a slug typed by hand is made of lower-case ASCII letters, digits and single hyphens.
bool valid_event_slug(const std::string& slug);

// `utc` moved by `days` whole days keeping the Paris wall-clock time (across a change of
// daylight saving time the UTC distance is not days × 24 h).
std::int64_t shift_days(std::int64_t utc, int days);
// "2026-11-26" moved by `days`; the input unchanged when it is not a date.
std::string shift_iso_date(const std::string& iso, int days);

struct EventForm {
    std::string title, slug, kind;
    std::string start_date, start_time, end_date, end_time;
    std::string venue, address, pmr_access, meals, online_policy, capacity;
    std::string summary, description, organisers, contacts;
};
struct EventFormCheck {
    FieldProblems problems;
    std::string slug;  // typed, else derived from the title
    std::int64_t starts_at = 0, ends_at = 0;
    int capacity = 0;
};
EventFormCheck check_event_form(const EventForm& form);

struct DuplicateForm {
    std::string title, slug, days;
};
struct DuplicateCheck {
    FieldProblems problems;
    std::string slug;
    int days = 0;
};
// Shift of 1 to 3 650 days either way (a copy at the same dates would be a second
// registration desk for the same event).
DuplicateCheck check_duplicate_form(const DuplicateForm& form);

struct SlotForm {
    std::string title, description, day, start_time, end_time;
};
struct SlotFormCheck {
    FieldProblems problems;
    Span span;
};
// `slot_id` 0 for a new slot; `others` every slot of the event (the edited one included).
SlotFormCheck check_slot_form(const SlotForm& form, long long slot_id, const Span& event, const std::vector<SlotSpan>& others);

struct ItemForm {
    std::string kind, title, description, room, slot_id, day, start_time, end_time, capacity;
};
struct ItemFormCheck {
    FieldProblems problems;
    long long slot_id = 0;
    Span span;  // a workshop's is its slot's
    std::optional<int> capacity;
};
// `held`: the seats already taken in this workshop (0 for a new one); the capacity may not
// fall below them (capacity_problem). A workshop belongs to a slot — of the day typed, when one
// is — and only a workshop does.
ItemFormCheck check_item_form(const ItemForm& form, const Span& event, const std::vector<SlotSpan>& slots, int held);

struct SpeakerForm {
    std::string speaker_id;  // an existing speaker of the event, or empty to add one
    std::string full_name, function_title, organisation, role;
};
FieldProblems check_speaker_form(const SpeakerForm& form, const std::vector<long long>& existing_speakers);
const char* speaker_role_label(const std::string& role);  // "Intervention", "Animation"…

}  // namespace ateliers::events
