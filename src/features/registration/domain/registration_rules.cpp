#include "features/registration/domain/registration_rules.hpp"

#include <algorithm>

#include "platform/auth/account_rules.hpp"
#include "platform/core/text.hpp"

namespace ateliers::registration {

const char* mode_code(Mode m) { return m == Mode::first_come ? "first_come" : "application"; }

bool parse_mode(const std::string& s, Mode& out) {
    if (s == "first_come") return out = Mode::first_come, true;
    if (s == "application") return out = Mode::application, true;
    return false;
}

const char* mode_label(Mode m) { return m == Mode::first_come ? "Premier arrivé" : "Sur candidature"; }

const char* status_code(Status s) {
    switch (s) {
        case Status::applied: return "applied";
        case Status::confirmed: return "confirmed";
        case Status::waiting: return "waiting";
        case Status::declined: return "declined";
        case Status::cancelled: return "cancelled";
    }
    return "applied";
}

bool parse_status(const std::string& s, Status& out) {
    for (auto st : {Status::applied, Status::confirmed, Status::waiting, Status::declined, Status::cancelled})
        if (s == status_code(st)) return out = st, true;
    return false;
}

const char* status_label(Status s) {
    switch (s) {
        case Status::applied: return "Candidature reçue";
        case Status::confirmed: return "Inscription confirmée";
        case Status::waiting: return "Liste d’attente";
        case Status::declined: return "Candidature non retenue";
        case Status::cancelled: return "Annulée";
    }
    return "";
}

bool is_active(Status s) { return s == Status::applied || s == Status::confirmed || s == Status::waiting; }

bool holds_collectivite_place(Mode mode, Status status) {
    if (status == Status::confirmed) return true;
    return mode == Mode::first_come && status == Status::waiting;
}

Window window_state(std::int64_t opens_at, std::int64_t closes_at, std::int64_t first_session_at, std::int64_t now) {
    if (first_session_at > 0 && now >= first_session_at) return Window::closed;
    if (opens_at > 0 && now < opens_at) return Window::not_yet_open;
    if (closes_at > 0 && now >= closes_at) return Window::closed;
    return Window::open;
}

Availability availability(Window window, Mode mode, int capacity, int confirmed) {
    if (window == Window::not_yet_open) return Availability::upcoming;
    if (window == Window::closed) return Availability::closed;
    if (mode == Mode::first_come && confirmed >= capacity) return Availability::full;
    return Availability::open;
}

const char* availability_label(Availability a) {
    switch (a) {
        case Availability::upcoming: return "Inscriptions à venir";
        case Availability::open: return "Inscriptions ouvertes";
        case Availability::closed: return "Inscriptions closes";
        case Availability::full: return "Complet – liste d’attente";
    }
    return "";
}

std::string personal_status_label(Status s, int waiting_position) {
    switch (s) {
        case Status::confirmed: return "Vous êtes inscrit·e";
        case Status::waiting:
            return waiting_position > 0 ? "Sur liste d’attente (position " + std::to_string(waiting_position) + ")"
                                        : "Sur liste d’attente";
        case Status::applied: return "Candidature reçue";
        case Status::declined:
        case Status::cancelled: return {};
    }
    return {};
}

Status initial_status(Mode mode, int capacity, int confirmed) {
    if (mode == Mode::application) return Status::applied;
    return confirmed < capacity ? Status::confirmed : Status::waiting;
}

std::optional<int> free_seat(int capacity, const std::vector<int>& taken) {
    for (int seat = 1; seat <= capacity; ++seat)
        if (std::find(taken.begin(), taken.end(), seat) == taken.end()) return seat;
    return std::nullopt;
}

std::map<std::string, std::string> validate(const RegistrationInput& in, Voice voice) {
    std::map<std::string, std::string> errors;
    const auto situation = text::trim(in.situation);
    const auto chars = text::length_in_chars(situation);
    if (chars < min_situation_chars)
        errors["situation"] = situation_too_short_message(voice);
    else if (chars > max_situation_chars)
        errors["situation"] = "La situation ne doit pas dépasser 4 000 caractères : résumez l’essentiel.";
    accounts::Mandate m;
    if (!accounts::parse_mandate(in.mandate, m))
        errors["mandate"] = mandate_missing_message(voice);
    const auto function = text::trim(in.function_title);
    if (function.empty()) errors["function_title"] = function_missing_message(voice);
    else if (text::length_in_chars(function) > 120)
        errors["function_title"] = "La fonction ne doit pas dépasser 120 caractères.";
    if (!in.commits_to_attend || !in.commits_to_share || !in.commits_camera)
        errors["commitments"] = "Cochez les trois engagements : ils sont la condition de la participation.";
    return errors;
}

bool overlaps(const Interval& a, const Interval& b) { return a.starts_at < b.ends_at && b.starts_at < a.ends_at; }

}  // namespace ateliers::registration
