#pragma once
// Selection rounds: the cycles "sur candidature" that share one registration
// deadline. The organiser asks for a proposal (the exact optimiser of
// domain/allocation under the organiser's pins and exclusions), reads why each
// applicant is in or out, adjusts, and confirms: statuses, seats, waiting lists
// and e-mails are written in one transaction.
//
// An applicant is a person with at least one application ("applied") in the
// round; people already confirmed on one of its cycles hold their seat and are
// left out (a person gets one seat per round).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/selection/domain/allocation.hpp"
#include "features/selection/domain/selection.hpp"
#include "platform/mail/outbox.hpp"
#include "features/registration/services/registration_admin.hpp"
#include "features/cycles/store/cycles.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct RoundListing {
    std::int64_t closes_at = 0;  // the deadline, which identifies the round
    std::vector<store::CycleRow> cycles;
    int applicants = 0;  // people with a pending application
};

// Rounds with at least one cycle published or closed, most recent deadline first.
Result<std::vector<RoundListing>> selection_rounds(store::Database& db);

struct RoundApplication {
    long long registration_id = 0;
    std::size_t cycle = 0;  // index into RoundProposal::cycles
    int choice_rank = 0;    // 0: first choice
    bool pinned = false;
};

struct RoundApplicant {
    long long user_id = 0;
    std::string full_name;
    std::string email;
    AdminRegistration profile;  // collectivité, size class, région, mandate… of the first choice
    long long priority = 0;
    bool priority_overridden = false;
    bool excluded = false;
    std::vector<RoundApplication> applications;  // first choice first
    // Choices the optimiser cannot give: the collectivité already has a confirmed
    // seat on that cycle (index into cycles).
    std::vector<std::size_t> blocked;
};

struct RoundCycle {
    store::CycleRow cycle;
    int already_confirmed = 0;   // seats taken before this round's selection
    long long seats = 0;         // left for the round
    long long min_elus = 0;      // for the cycle as a whole
    long long min_agents = 0;
    bool minimums_overridden = false;
    std::vector<std::size_t> selected;  // applicant indices
    std::vector<std::size_t> waiting;   // best placed first
    RegistrationCounts counts;          // "confirmed" = already confirmed + proposed
};

struct RoundProposal {
    std::int64_t closes_at = 0;
    bool deadline_passed = false;
    std::vector<RoundCycle> cycles;
    std::vector<RoundApplicant> applicants;
    // Per applicant, per choice in their order, why they are in or out.
    std::vector<std::vector<selection::ChoiceOutcome>> outcomes;
    allocation::Objective objective;
    int proven_levels = 5;
    std::string fingerprint;  // changes whenever the proposal would change
    std::string adjustment_error;  // the pins break a rule: shown, and nothing can be confirmed
};

// 404 when no cycle "sur candidature" has this deadline.
Result<RoundProposal> propose_round(store::Database& db, std::int64_t closes_at);

// Keep the person on this cycle (cycle_id 0: remove the pin), leave them out or
// back in, or set their priority points (nullopt: back to the size-class default).
Status pin_applicant(store::Database& db, long long actor_id, std::int64_t closes_at, long long user_id,
                     long long cycle_id);
Status exclude_applicant(store::Database& db, long long actor_id, std::int64_t closes_at, long long user_id,
                         bool excluded);
Status set_applicant_priority(store::Database& db, long long actor_id, std::int64_t closes_at, long long user_id,
                              std::optional<long long> priority);
// Balance minimums of one cycle of the round (nullopt: a third of the capacity).
Status set_cycle_minimums(store::Database& db, long long actor_id, std::int64_t closes_at, long long cycle_id,
                          std::optional<long long> min_elus, std::optional<long long> min_agents);

struct ConfirmedRound {
    int selected = 0;
    int waiting = 0;   // people left on at least one waiting list
    int declined = 0;  // registrations closed (excluded people, other choices of selected people)
};

// Refused (409) when the proposal changed since the organiser saw it
// (`fingerprint`), or before the deadline.
Result<ConfirmedRound> confirm_round(store::Database& db, long long actor_id, std::int64_t closes_at,
                                     const std::string& fingerprint, const MailContext& mail);

}  // namespace ateliers::services
