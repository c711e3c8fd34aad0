#pragma once
// The agency's registration rules for a cycle, as pure functions.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "features/registration/domain/registration_wording.hpp"

namespace ateliers::registration {

enum class Mode { first_come, application };  // "premier arrivé", "sur candidature"
enum class Status { applied, confirmed, waiting, declined, cancelled };

const char* mode_code(Mode m);
bool parse_mode(const std::string& s, Mode& out);
const char* mode_label(Mode m);
const char* status_code(Status s);
bool parse_status(const std::string& s, Status& out);
const char* status_label(Status s);
bool is_active(Status s);  // holds or waits for a seat

// Whether the registration holds the collectivité's single place on the cycle.
bool holds_collectivite_place(Mode mode, Status status);

enum class Window { not_yet_open, open, closed };
// Bounds are 0 when unset. Whatever the window says, registration is closed once the
// first session (`first_session_at`, 0 when none is planned) has started: nobody joins
// a group that has already met.
Window window_state(std::int64_t opens_at, std::int64_t closes_at, std::int64_t first_session_at, std::int64_t now);

// What the catalogue shows: "À venir", "Ouvertes", "Closes", "Complet".
enum class Availability { upcoming, open, closed, full };
Availability availability(Window window, Mode mode, int capacity, int confirmed);
const char* availability_label(Availability a);

// What a signed-in person reads about their own registration on a cycle's page or card:
// "Vous êtes inscrit·e", "Sur liste d’attente (position 2)", "Candidature reçue";
// empty when the registration no longer holds or waits for a seat.
std::string personal_status_label(Status s, int waiting_position);

// Status given to a new registration, by mode and seats already confirmed.
Status initial_status(Mode mode, int capacity, int confirmed);

// Smallest seat number in 1..capacity not in `taken`, if any.
std::optional<int> free_seat(int capacity, const std::vector<int>& taken);

inline constexpr std::size_t min_situation_chars = 80;
inline constexpr std::size_t max_situation_chars = 4000;

struct RegistrationInput {
    std::string situation;
    std::string mandate;
    std::string function_title;
    bool commits_to_attend = false;
    bool commits_to_share = false;
    bool commits_camera = false;
};

// Field name -> French message, worded for `voice`; empty when acceptable.
std::map<std::string, std::string> validate(const RegistrationInput& in, Voice voice = Voice::registrant);

struct Interval {
    std::int64_t starts_at;
    std::int64_t ends_at;
};
bool overlaps(const Interval& a, const Interval& b);

}  // namespace ateliers::registration
