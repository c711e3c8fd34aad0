#include "features/events/domain/programme_rules.hpp"

#include <array>
#include <utility>

namespace ateliers::events {

namespace {

template <class E, std::size_t N>
bool parse_in(const std::array<std::pair<E, const char*>, N>& table, const std::string& s, E& out) {
    for (const auto& [value, code] : table)
        if (s == code) {
            out = value;
            return true;
        }
    return false;
}

template <class E, std::size_t N>
const char* code_in(const std::array<std::pair<E, const char*>, N>& table, E e) {
    for (const auto& [value, code] : table)
        if (value == e) return code;
    return "";
}

constexpr std::array<std::pair<Kind, const char*>, 4> kinds{
    {{Kind::journees, "journees"}, {Kind::seminaire, "seminaire"}, {Kind::rencontre, "rencontre"}, {Kind::webinaire, "webinaire"}}};
constexpr std::array<std::pair<Kind, const char*>, 4> kind_labels{
    {{Kind::journees, "Journées"}, {Kind::seminaire, "Séminaire"}, {Kind::rencontre, "Rencontre"}, {Kind::webinaire, "Webinaire"}}};

constexpr std::array<std::pair<ItemKind, const char*>, 7> item_kinds{{{ItemKind::plenary, "plenary"},
                                                                      {ItemKind::workshop, "workshop"},
                                                                      {ItemKind::round_table, "round_table"},
                                                                      {ItemKind::witnesses, "witnesses"},
                                                                      {ItemKind::talk, "talk"},
                                                                      {ItemKind::break_time, "break"},
                                                                      {ItemKind::meal, "meal"}}};
constexpr std::array<std::pair<ItemKind, const char*>, 7> item_kind_labels{{{ItemKind::plenary, "Plénière"},
                                                                            {ItemKind::workshop, "Atelier"},
                                                                            {ItemKind::round_table, "Table ronde"},
                                                                            {ItemKind::witnesses, "Grands témoins"},
                                                                            {ItemKind::talk, "Intervention"},
                                                                            {ItemKind::break_time, "Pause"},
                                                                            {ItemKind::meal, "Repas"}}};

constexpr std::array<std::pair<OrganisationKind, const char*>, 6> organisation_kinds{
    {{OrganisationKind::collectivite, "collectivite"},
     {OrganisationKind::association, "association"},
     {OrganisationKind::etat, "etat"},
     {OrganisationKind::consultant, "consultant"},
     {OrganisationKind::recherche, "recherche"},
     {OrganisationKind::autre, "autre"}}};
constexpr std::array<std::pair<OrganisationKind, const char*>, 6> organisation_kind_labels{
    {{OrganisationKind::collectivite, "Collectivité"},
     {OrganisationKind::association, "Association"},
     {OrganisationKind::etat, "Service de l’État"},
     {OrganisationKind::consultant, "Bureau d’études, consultant"},
     {OrganisationKind::recherche, "Recherche, université"},
     {OrganisationKind::autre, "Autre"}}};

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

}  // namespace

const char* kind_code(Kind k) { return code_in(kinds, k); }
bool parse_kind(const std::string& s, Kind& out) { return parse_in(kinds, s, out); }
const char* kind_label(Kind k) { return code_in(kind_labels, k); }
const char* item_kind_code(ItemKind k) { return code_in(item_kinds, k); }
bool parse_item_kind(const std::string& s, ItemKind& out) { return parse_in(item_kinds, s, out); }
const char* item_kind_label(ItemKind k) { return code_in(item_kind_labels, k); }
const char* organisation_kind_code(OrganisationKind k) { return code_in(organisation_kinds, k); }
bool parse_organisation_kind(const std::string& s, OrganisationKind& out) { return parse_in(organisation_kinds, s, out); }
const char* organisation_kind_label(OrganisationKind k) { return code_in(organisation_kind_labels, k); }

std::string slot_problem(const SlotSpan& candidate, const Span& event, const std::vector<SlotSpan>& others) {
    if (candidate.span.ends_at <= candidate.span.starts_at) return "Le créneau doit finir après son début.";
    if (candidate.span.starts_at < event.starts_at || candidate.span.ends_at > event.ends_at)
        return "Le créneau doit se tenir pendant l’événement.";
    for (const auto& other : others) {
        if (candidate.id != 0 && other.id == candidate.id) continue;
        if (candidate.span.starts_at < other.span.ends_at && other.span.starts_at < candidate.span.ends_at)
            return "Ce créneau chevauche le créneau « " + other.title +
                   " » : une personne ne peut pas suivre deux ateliers à la fois.";
    }
    return {};
}

std::string capacity_problem(std::optional<int> capacity, int taken) {
    if (!capacity) return {};
    if (*capacity < 0) return "La capacité ne peut pas être négative.";
    if (*capacity < taken)
        return "La capacité ne peut pas descendre sous les " + std::to_string(taken) +
               " places déjà attribuées : annulez d’abord des inscriptions.";
    return {};
}

bool has_room(std::optional<int> capacity, int taken) { return !capacity || taken < *capacity; }

Placement place(std::optional<int> capacity, int taken, int already_waiting) {
    return has_room(capacity, taken) && already_waiting == 0 ? Placement::seat : Placement::queue;
}

std::map<std::string, std::string> choices_problems(const Choices& choices, const WorkshopSlots& workshops) {
    std::map<std::string, std::string> out;
    for (const auto& [slot, workshop] : choices) {
        const auto field = "choix_" + std::to_string(slot);
        const auto found = workshops.find(workshop);
        if (found == workshops.end())
            out[field] = "Cet atelier n’existe pas dans le programme.";
        else if (found->second != slot)
            out[field] = "Cet atelier appartient à un autre créneau : choisissez parmi les ateliers de ce créneau.";
    }
    return out;
}

bool open_for_changes(std::int64_t event_starts_at, std::int64_t now) { return now < event_starts_at; }

std::map<std::string, std::string> validate(const RegistrationInput& in) {
    std::map<std::string, std::string> out;
    const auto organisation = trimmed(in.organisation);
    if (organisation.empty())
        out["organisation"] = "Indiquez votre collectivité ou organisation.";
    else if (organisation.size() > max_short_text)
        out["organisation"] = "Le nom de l’organisation est trop long (200 caractères au plus).";
    OrganisationKind kind;
    if (!parse_organisation_kind(in.organisation_kind, kind)) out["organisation_kind"] = "Choisissez le type d’organisation.";
    const auto function = trimmed(in.function_title);
    if (function.empty())
        out["function_title"] = "Indiquez votre fonction.";
    else if (function.size() > max_short_text)
        out["function_title"] = "La fonction est trop longue (200 caractères au plus).";
    if (in.attendance != "in_person" && in.attendance != "online")
        out["attendance"] = "Choisissez une participation sur place ou en ligne.";
    if (in.meals.size() > max_short_text) out["meals"] = "La liste des repas est trop longue.";
    if (in.accessibility.size() > max_accessibility_chars)
        out["accessibility"] = "Les besoins d’accessibilité dépassent 2 000 caractères.";
    return out;
}

}  // namespace ateliers::events
