#pragma once
// A person's registrations: creating one, the checks before it, cancelling, the
// situation, the order of choices in a round "sur candidature", and their list.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

struct OverlappingSession {
    std::string cycle_title;
    long long starts_at = 0;
};

// Sessions of the person's other active cycles that overlap this cycle's sessions, by start.
std::vector<OverlappingSession> overlapping_sessions(soci::session& sql, long long user_id, long long cycle_id);

// What a new registration to a cycle must know, read in one statement because it is
// read while the cycle is locked and every other registration to it waits.
struct PlaceCheck {
    bool person_registered = false;  // an active (applied, confirmed, waiting) registration of the person
    bool collectivite_place_held = false;  // a registration holds the collectivité's place
    int confirmed = 0;  // confirmed registrations (the count of store::confirmed_count)
    int waiting_position = 0;  // the position it will have if it waits (store::waiting_ahead_of_new_arrival + 1)
};
PlaceCheck place_check(soci::session& sql, long long cycle_id, long long user_id, const std::string& collectivite_id,
                       long long arrival);

// The person's pending applications ("applied") in the round "sur candidature" closing at `closes_at`.
int pending_applications_in_round(soci::session& sql, long long user_id, long long closes_at);

struct NewRegistration {
    long long cycle_id = 0;
    long long user_id = 0;
    std::string collectivite_id;
    std::optional<std::string> collectivite_slot;  // the collectivité's place, when it holds it
    std::string mandate;
    std::string function_title;
    std::string situation;
    std::string status;
    std::optional<int> seat;
    long long arrival = 0;  // milliseconds
    long long now = 0;      // seconds
    long long choice_rank = 0;
};

// The new registration's id; a unique violation (a place or a seat taken at the same instant) throws.
long long insert_registration(soci::session& sql, const NewRegistration& r);

// A waiting (or any) registration given a seat.
void confirm_with_seat(soci::session& sql, long long registration_id, int seat, long long now);

struct OwnRegistration {
    long long cycle_id = 0;
    std::string status;
    std::string collectivite_slot;  // empty when it holds no place
};

// The registration, when it is this person's.
std::optional<OwnRegistration> find_own_registration(soci::session& sql, long long registration_id, long long user_id);

// Cancelled: seat and collectivité place released.
void cancel_registration(soci::session& sql, long long registration_id, long long now);

struct SituationContext {
    long long cycle_id = 0;
    std::string status;
    std::optional<long long> first_session_at;
};

// The registration's status and its cycle's first session, when it is this person's.
std::optional<SituationContext> find_own_situation_context(soci::session& sql, long long registration_id,
                                                           long long user_id);

void set_situation(soci::session& sql, long long registration_id, const std::string& situation, long long now);

struct RegistrationOwner {
    long long user_id = 0;
    std::string status;
};

std::optional<RegistrationOwner> registration_owner(soci::session& sql, long long registration_id);

// The person's pending applications in the round of this one, first choice first.
std::vector<long long> round_choices(soci::session& sql, long long registration_id);

void set_choice_rank(soci::session& sql, long long registration_id, int rank, long long now);

struct UserRegistrationRow {
    long long id = 0;
    long long cycle_id = 0;
    std::string cycle_slug;
    std::string cycle_title;
    std::string facilitator;  // empty when none
    std::string status;
    std::string situation;
    long long first_session_at = 0;      // 0 when the cycle has no session
    long long last_session_ends_at = 0;
};

// Every registration of the person, by their cycle's first session then id.
std::vector<UserRegistrationRow> registrations_of_user(soci::session& sql, long long user_id);

long long cycle_of_registration(soci::session& sql, long long registration_id);

struct ActiveRegistration {
    long long id = 0;
    long long cycle_id = 0;
    std::string status;
};

// The person's active registrations (applied, confirmed, waiting).
std::vector<ActiveRegistration> active_registrations_of(soci::session& sql, long long user_id);

}  // namespace ateliers::store
