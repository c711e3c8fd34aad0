#include "features/events/domain/programme_editing.hpp"

#include <cstdio>

#include "platform/core/paris_time.hpp"
#include "platform/core/text.hpp"

namespace ateliers::events {

namespace {

constexpr std::size_t max_title = 200;
constexpr std::size_t max_text = 10000;

bool digits(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

std::string civil_string(std::int64_t days) {
    const auto t = paris_time::to_local(days * 86400 + 12 * 3600);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
    return buf;
}

// The slug typed, checked, or else the title's.
std::string slug_typed_or_of_title(FieldProblems& out, const std::string& typed, const std::string& title) {
    const auto slug = text::trim(typed);
    if (slug.empty()) return text::slug_of(title);
    if (!valid_event_slug(slug))
        out["slug"] = "L’adresse courte ne peut contenir que des minuscules sans accent, des chiffres et des tirets.";
    return slug;
}

void need_title(FieldProblems& out, const std::string& field, const std::string& value, const char* missing) {
    const auto t = text::trim(value);
    if (t.empty())
        out[field] = missing;
    else if (text::length_in_chars(t) > max_title)
        out[field] = "Ce titre est trop long (200 caractères au plus).";
}

}  // namespace

std::optional<int> parse_time_of_day(const std::string& typed) {
    std::string s;
    for (char c : typed)
        if (c != ' ') s += c;
    auto sep = s.find_first_of(":hH");
    const auto hours = s.substr(0, sep);
    const auto minutes = sep == std::string::npos ? std::string() : s.substr(sep + 1);
    if (!digits(hours) || hours.size() > 2) return std::nullopt;
    if (sep == std::string::npos) return std::nullopt;  // "14" alone is ambiguous with a duration
    if (!minutes.empty() && (!digits(minutes) || minutes.size() != 2)) return std::nullopt;
    const int h = std::stoi(hours);
    const int m = minutes.empty() ? 0 : std::stoi(minutes);
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

std::optional<std::int64_t> paris_moment(const std::string& date, const std::string& time) {
    const auto d = paris_time::parse_civil_date(text::trim(date));
    const auto t = parse_time_of_day(time);
    if (!d || !t) return std::nullopt;
    return paris_time::to_utc(d->year, d->month, d->day, *t / 60, *t % 60);
}

bool valid_event_slug(const std::string& slug) {
    if (slug.empty() || slug.size() > 80 || slug.front() == '-' || slug.back() == '-') return false;
    char previous = 0;
    for (char c : slug) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && previous != '-');
        if (!ok) return false;
        previous = c;
    }
    return true;
}

std::int64_t shift_days(std::int64_t utc, int days) {
    const auto t = paris_time::to_local(utc);
    const auto moved = paris_time::to_local((paris_time::days_from_civil(t.year, t.month, t.day) + days) * 86400 + 12 * 3600);
    return paris_time::to_utc(moved.year, moved.month, moved.day, t.hour, t.minute);
}

std::string shift_iso_date(const std::string& iso, int days) {
    const auto d = paris_time::parse_civil_date(iso);
    if (!d) return iso;
    return civil_string(paris_time::days_from_civil(d->year, d->month, d->day) + days);
}

EventFormCheck check_event_form(const EventForm& f) {
    EventFormCheck out;
    need_title(out.problems, "title", f.title, "Donnez un titre à l’événement.");
    out.slug = slug_typed_or_of_title(out.problems, f.slug, f.title);
    if (out.slug.empty() && !out.problems.count("title") && !out.problems.count("slug"))
        out.problems["slug"] = "Donnez une adresse courte (par exemple « journees-2027 »).";
    Kind kind;
    if (!parse_kind(f.kind, kind)) out.problems["kind"] = "Choisissez le type d’événement.";
    const auto starts = paris_moment(f.start_date, f.start_time);
    const auto ends = paris_moment(f.end_date, f.end_time);
    if (!starts) out.problems["start_date"] = "Indiquez la date et l’heure de début (par exemple 26/11/2027 et 9:30).";
    if (!ends) out.problems["end_date"] = "Indiquez la date et l’heure de fin (par exemple 27/11/2027 et 17:30).";
    if (starts && ends && *ends <= *starts) out.problems["end_date"] = "L’événement doit finir après son début.";
    out.starts_at = starts.value_or(0);
    out.ends_at = ends.value_or(0);
    if (const auto capacity = text::parse_bounded_integer(text::trim(f.capacity), 1, 100000))
        out.capacity = static_cast<int>(*capacity);
    else
        out.problems["capacity"] = "Indiquez le nombre de places, un nombre entier entre 1 et 100 000.";
    for (const auto& [field, value] : {std::pair<const char*, const std::string*>{"venue", &f.venue},
                                       {"address", &f.address},
                                       {"pmr_access", &f.pmr_access},
                                       {"meals", &f.meals},
                                       {"online_policy", &f.online_policy}})
        if (text::length_in_chars(*value) > 500) out.problems[field] = "Ce champ est trop long (500 caractères au plus).";
    for (const auto& [field, value] : {std::pair<const char*, const std::string*>{"summary", &f.summary},
                                       {"description", &f.description},
                                       {"organisers", &f.organisers},
                                       {"contacts", &f.contacts}})
        if (text::length_in_chars(*value) > max_text) out.problems[field] = "Ce texte est trop long (10 000 caractères au plus).";
    return out;
}

DuplicateCheck check_duplicate_form(const DuplicateForm& f) {
    DuplicateCheck out;
    need_title(out.problems, "title", f.title, "Donnez un titre à la copie.");
    out.slug = slug_typed_or_of_title(out.problems, f.slug, f.title);
    auto typed_days = text::trim(f.days);
    const bool earlier = !typed_days.empty() && typed_days.front() == '-';
    if (earlier || (!typed_days.empty() && typed_days.front() == '+')) typed_days.erase(0, 1);
    const auto days = text::parse_bounded_integer(typed_days, 1, 3650);
    if (!days)
        out.problems["days"] = "Indiquez de combien de jours décaler les dates : un nombre entier entre 1 et 3 650 (−3 650 pour avancer).";
    else
        out.days = static_cast<int>(earlier ? -*days : *days);
    return out;
}

SlotFormCheck check_slot_form(const SlotForm& f, long long slot_id, const Span& event, const std::vector<SlotSpan>& others) {
    SlotFormCheck out;
    need_title(out.problems, "title", f.title, "Donnez un titre au créneau (par exemple « Ateliers de l’après-midi »).");
    if (text::length_in_chars(f.description) > max_text) out.problems["description"] = "Ce texte est trop long (10 000 caractères au plus).";
    const auto starts = paris_moment(f.day, f.start_time);
    const auto ends = paris_moment(f.day, f.end_time);
    if (!paris_time::parse_civil_date(text::trim(f.day))) out.problems["day"] = "Indiquez le jour du créneau (par exemple 26/11/2027).";
    if (!parse_time_of_day(f.start_time)) out.problems["start_time"] = "Indiquez l’heure de début (par exemple 13:45).";
    if (!parse_time_of_day(f.end_time)) out.problems["end_time"] = "Indiquez l’heure de fin (par exemple 15:30).";
    if (starts && ends) {
        out.span = {*starts, *ends};
        const auto problem = slot_problem({slot_id, text::trim(f.title), out.span}, event, others);
        if (!problem.empty()) out.problems[*ends <= *starts ? "end_time" : "start_time"] = problem;
    }
    return out;
}

ItemFormCheck check_item_form(const ItemForm& f, const Span& event, const std::vector<SlotSpan>& slots, int held) {
    ItemFormCheck out;
    ItemKind kind{};
    const bool kind_ok = parse_item_kind(f.kind, kind);
    if (!kind_ok) out.problems["kind"] = "Choisissez le type d’intervention.";
    need_title(out.problems, "title", f.title, "Donnez un titre à l’intervention.");
    if (text::length_in_chars(f.description) > max_text) out.problems["description"] = "Ce texte est trop long (10 000 caractères au plus).";
    if (text::length_in_chars(f.room) > max_title) out.problems["room"] = "Le nom de la salle est trop long (200 caractères au plus).";
    const auto typed_slot = text::trim(f.slot_id);
    const SlotSpan* slot = nullptr;
    if (!typed_slot.empty()) {
        const auto id = text::parse_bounded_integer(typed_slot, 1, 1'000'000'000'000LL);
        for (const auto& s : slots)
            if (id && s.id == *id) slot = &s;
        if (!slot) out.problems["slot_id"] = "Ce créneau n’existe pas dans le programme : choisissez-le dans la liste.";
    }
    const bool workshop = kind_ok && kind == ItemKind::workshop;
    if (kind_ok && workshop && typed_slot.empty())
        out.problems["slot_id"] = "Un atelier se tient dans un créneau d’ateliers parallèles : choisissez-le.";
    if (kind_ok && !workshop && !typed_slot.empty())
        out.problems["slot_id"] = "Seul un atelier se tient dans un créneau d’ateliers parallèles : laissez « aucun » ou choisissez « Atelier ».";
    const auto typed_day = text::trim(f.day);
    if (slot) {
        out.slot_id = slot->id;
        out.span = slot->span;
        if (!typed_day.empty()) {
            const auto day = paris_time::parse_civil_date(typed_day);
            const auto slot_day = paris_time::to_local(slot->span.starts_at);
            if (!day)
                out.problems["day"] = "Indiquez un jour valide (par exemple 26/11/2027), ou laissez-le vide pour un atelier.";
            else if (day->year != slot_day.year || day->month != slot_day.month || day->day != slot_day.day)
                out.problems["slot_id"] = "Le créneau « " + slot->title + " » a lieu le " +
                                          paris_time::long_date(slot->span.starts_at) +
                                          ", pas le jour indiqué : choisissez un créneau de ce jour.";
        }
    } else if (!workshop) {
        const auto starts = paris_moment(typed_day, f.start_time);
        if (!paris_time::parse_civil_date(typed_day)) out.problems["day"] = "Indiquez le jour de l’intervention (par exemple 26/11/2027).";
        if (!parse_time_of_day(f.start_time)) out.problems["start_time"] = "Indiquez l’heure de début (par exemple 9:30).";
        if (starts) {
            out.span.starts_at = *starts;
            if (*starts < event.starts_at || *starts > event.ends_at)
                out.problems["start_time"] = "L’intervention doit se tenir pendant l’événement.";
        }
        if (!text::trim(f.end_time).empty()) {
            const auto ends = paris_moment(typed_day, f.end_time);
            if (!parse_time_of_day(f.end_time))
                out.problems["end_time"] = "Indiquez l’heure de fin (par exemple 10:30), ou laissez-la vide.";
            else if (starts && ends && *ends <= *starts)
                out.problems["end_time"] = "L’intervention doit finir après son début.";
            else if (ends)
                out.span.ends_at = *ends;
        }
    }
    const auto typed_capacity = text::trim(f.capacity);
    if (!typed_capacity.empty()) {
        if (!workshop && kind_ok)
            out.problems["capacity"] = "Seul un atelier a une capacité propre : laissez ce champ vide.";
        else if (const auto n = text::parse_bounded_integer(typed_capacity, 0, 100000))
            out.capacity = static_cast<int>(*n);
        else
            out.problems["capacity"] = "La capacité doit être un nombre entier de places (vide : sans limite).";
    }
    if (!out.problems.count("capacity"))
        if (auto problem = capacity_problem(out.capacity, held); !problem.empty()) out.problems["capacity"] = problem;
    return out;
}

FieldProblems check_speaker_form(const SpeakerForm& f, const std::vector<long long>& existing) {
    FieldProblems out;
    const auto typed_id = text::trim(f.speaker_id);
    if (!typed_id.empty()) {
        const auto id = text::parse_bounded_integer(typed_id, 1, 1'000'000'000'000LL);
        bool found = false;
        for (auto e : existing) found = found || (id && e == *id);
        if (!found) out["speaker_id"] = "Cet·te intervenant·e n’existe pas : choisissez-le ou la dans la liste.";
    } else {
        need_title(out, "full_name", f.full_name, "Choisissez un·e intervenant·e dans la liste ou indiquez son nom.");
        if (text::length_in_chars(f.function_title) > max_title) out["function_title"] = "La fonction est trop longue (200 caractères au plus).";
        if (text::length_in_chars(f.organisation) > max_title) out["organisation"] = "L’organisation est trop longue (200 caractères au plus).";
    }
    if (f.role != "speaker" && f.role != "moderator" && f.role != "witness" && f.role != "introduction")
        out["role"] = "Choisissez le rôle : intervention, animation, grand témoin ou introduction.";
    return out;
}

const char* speaker_role_label(const std::string& role) {
    if (role == "moderator") return "Animation";
    if (role == "witness") return "Grand témoin";
    if (role == "introduction") return "Introduction";
    return "Intervention";
}

}  // namespace ateliers::events
