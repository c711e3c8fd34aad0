#pragma once
// Rounds "sur candidature": the cycles whose applications close at one deadline, the
// applications and the organiser's adjustments (pins, exclusions, priorities, minimums),
// and the writes that confirm a round.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "features/registration/store/registration_list.hpp"

namespace ateliers::store {

// Every round's deadline, latest first.
std::vector<long long> round_deadlines(soci::session& sql);

// The round's cycles (published or closed, "sur candidature"), by title then id.
std::vector<long long> round_cycle_ids(soci::session& sql, long long closes_at);

// The people with a pending application ("applied") to the cycle.
std::vector<long long> applicant_user_ids(soci::session& sql, long long cycle_id);

// The person's pending applications to the cycle.
std::vector<long long> pending_applications(soci::session& sql, long long cycle_id, long long user_id);

struct RoundRegistrationRow {
    AdminRegistration row;
    long long user_id = 0;
    int choice_rank = 0;
    std::optional<long long> priority_override;
    bool pinned = false;
    bool excluded = false;
};

// The cycle's applied and confirmed registrations, by arrival then id.
std::vector<RoundRegistrationRow> round_registrations(soci::session& sql, long long cycle_id);

// The organiser's balance minimums of a cycle (élus, agents), each nullopt when left to the default.
std::pair<std::optional<long long>, std::optional<long long>> cycle_minimums(soci::session& sql, long long cycle_id);
void set_cycle_minimums(soci::session& sql, long long cycle_id, std::optional<long long> min_elus,
                        std::optional<long long> min_agents);

// Pinned (1) or not (0) to the registration's cycle; a pin lifts an exclusion.
void set_selection_pin(soci::session& sql, long long registration_id, int pin, long long now);
// Excluded (1) or not (0); an exclusion lifts a pin.
void set_selection_excluded(soci::session& sql, long long registration_id, int excluded, long long now);
void set_priority_override(soci::session& sql, long long registration_id, std::optional<long long> priority,
                           long long now);

// Selected: the seat and the collectivité's place, the pin dropped.
void seat_selected(soci::session& sql, long long registration_id, int seat, const std::string& collectivite_id,
                   long long now);
// On the waiting list at `arrival`, holding no collectivité place.
void put_on_waiting_list(soci::session& sql, long long registration_id, long long arrival, long long now);
// Declines every application still pending on the cycle; how many.
int decline_pending_applications(soci::session& sql, long long cycle_id, long long now);

}  // namespace ateliers::store
