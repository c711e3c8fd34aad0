#pragma once
// The rules of an event's programme and of the choices people make in it, as pure
// functions: slots of parallel workshops must not overlap, a choice names a workshop
// of its own slot, a capacity cannot fall below the seats already taken.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ateliers::events {

enum class Kind { journees, seminaire, rencontre, webinaire };
const char* kind_code(Kind k);
bool parse_kind(const std::string& s, Kind& out);
const char* kind_label(Kind k);  // "Journées", "Séminaire"…

enum class ItemKind { plenary, workshop, round_table, witnesses, talk, break_time, meal };
const char* item_kind_code(ItemKind k);
bool parse_item_kind(const std::string& s, ItemKind& out);
const char* item_kind_label(ItemKind k);  // "Table ronde", "Grands témoins"…

enum class OrganisationKind { collectivite, association, etat, consultant, recherche, autre };
const char* organisation_kind_code(OrganisationKind k);
bool parse_organisation_kind(const std::string& s, OrganisationKind& out);
const char* organisation_kind_label(OrganisationKind k);

struct Span {
    std::int64_t starts_at = 0;
    std::int64_t ends_at = 0;
};

struct SlotSpan {
    long long id = 0;  // 0 for a slot not yet stored
    std::string title;
    Span span;
};

// French message when `candidate` is not a valid slot of an event spanning `event`
// next to `others` (ends before it starts, outside the event, overlaps another slot);
// empty when acceptable. A slot being edited is in `others` under its own id and is skipped.
std::string slot_problem(const SlotSpan& candidate, const Span& event, const std::vector<SlotSpan>& others);

// French message when a capacity of `capacity` cannot be set on something of which
// `taken` seats are held; empty when acceptable. nullopt capacity means no limit.
std::string capacity_problem(std::optional<int> capacity, int taken);

// Whether one more seat may be held. nullopt: no limit.
bool has_room(std::optional<int> capacity, int taken);

// Where a new request lands: a seat when there is room and nobody waits before it
// (arrival order is kept), the queue otherwise.
enum class Placement { seat, queue };
Placement place(std::optional<int> capacity, int taken, int already_waiting);

// The workshops of the event, by id -> their slot id.
using WorkshopSlots = std::map<long long, long long>;
// A person's choices: slot id -> workshop id ("je ne sais pas encore" is no entry).
using Choices = std::map<long long, long long>;

// French message per slot ("choix_SLOT") for choices naming an unknown workshop or a
// workshop of another slot; empty when every choice is sound.
std::map<std::string, std::string> choices_problems(const Choices& choices, const WorkshopSlots& workshops);

// Choices can be changed, and registrations made, until the event starts.
bool open_for_changes(std::int64_t event_starts_at, std::int64_t now);

struct RegistrationInput {
    std::string organisation;
    std::string organisation_kind;  // code of OrganisationKind
    std::string function_title;
    std::string attendance;  // in_person | online
    std::string meals;       // free, e.g. "déjeuner 26/11, déjeuner 27/11"
    std::string accessibility;
    bool public_listing = false;
};

inline constexpr std::size_t max_short_text = 200;
inline constexpr std::size_t max_accessibility_chars = 2000;

// Field name -> French message; empty when acceptable.
std::map<std::string, std::string> validate(const RegistrationInput& in);

}  // namespace ateliers::events
