#pragma once
// Whether an item or a slot may leave the programme. Deleting one deletes the choices made
// in it (the database cascades), so a person who counted on a seat or waited for one would
// lose it without a word: the removal is refused while anyone holds or awaits a place in it,
// and the message says how many, so the organiser can move them first (or ask them to
// change their choice). A plenary item has no seats and may always go.
#include <optional>
#include <string>

namespace ateliers::events {

struct SeatsInUse {
    int held = 0;     // seats attributed
    int waiting = 0;  // people in a workshop's queue, or waiting for the event with this wish
};

enum class RemovalTarget { item, slot };

// nullopt: the removal may go ahead; otherwise the French reason it is refused.
std::optional<std::string> removal_refusal(RemovalTarget target, const SeatsInUse& seats);

// "3 personnes", "1 personne": the counts of the messages above.
std::string people_count(int n);

}  // namespace ateliers::events
