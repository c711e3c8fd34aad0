#pragma once
// An organiser's decision on a registration: accept (seat and collectivité place),
// decline, or move to the waiting list.
#include <soci/soci.h>

#include <optional>
#include <string>

namespace ateliers::store {

struct DecisionSubject {
    long long cycle_id = 0;
    std::string status;
    std::string collectivite_id;
    std::string email;
    std::string full_name;
    long long user_id = 0;
    std::string collectivite_name;
    std::string collectivite_slot;  // the collectivité's place, when this registration holds it; else empty
};

// The registration, when it belongs to the cycle `cycle_slug`.
std::optional<DecisionSubject> find_registration_on_cycle(soci::session& sql, long long registration_id,
                                                          const std::string& cycle_slug);

struct PlaceHolder {
    std::string full_name;
    std::string status;
    std::string collectivite_name;
};

// Another registration of the cycle holding the collectivité's place.
std::optional<PlaceHolder> collectivite_place_holder(soci::session& sql, long long cycle_id, long long registration_id,
                                                     const std::string& collectivite_id);

// The person's other active registrations (applied, confirmed, waiting) to the cycle.
int other_active_registrations(soci::session& sql, long long cycle_id, long long registration_id, long long user_id);

void confirm_with_seat_and_place(soci::session& sql, long long registration_id, int seat,
                                 const std::string& collectivite_id, long long now);

void decline_registration(soci::session& sql, long long registration_id, long long now);

// Waiting, seat released; `collectivite_slot` holds the collectivité's place or not (nullopt).
// `arrival`, when given, is the new place in the line (see arrival_at_end_of_line).
void move_to_waiting(soci::session& sql, long long registration_id, const std::optional<std::string>& collectivite_slot,
                     std::optional<long long> arrival, long long now);

}  // namespace ateliers::store
