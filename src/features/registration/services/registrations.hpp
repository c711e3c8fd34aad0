#pragma once
// A participant's registration use cases: register, edit the situation, cancel
// (which promotes the first person waiting), list their registrations.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "features/registration/domain/registration_rules.hpp"
#include "platform/auth/accounts.hpp"

namespace ateliers::services {

struct RegistrationRequest {
    std::string cycle_slug;
    std::string collectivite_id;
    registration::RegistrationInput input;
};

struct RegistrationOutcome {
    long long registration_id = 0;
    long long cycle_id = 0;
    registration::Status status = registration::Status::applied;
    int waiting_position = 0;           // 1 = next in line, when waiting
    std::vector<std::string> warnings;  // e.g. sessions overlapping another cycle of theirs
};

Result<RegistrationOutcome> register_for_cycle(store::Database& db, const CurrentUser& user,
                                               const RegistrationRequest& request, const MailContext& mail);

// register_for_cycle in steps, for a use case that adds its own writes to the same
// transaction (the team's registration on someone's behalf: the registration and its
// mark stand or fall together). Refusals are worded for `voice`.
struct PreparedRegistration {
    std::string collectivite_id;  // trimmed, found in the referential
    std::optional<long long> first_session_at;  // read before the lock (window and e-mail)
};
// Checks the form and reads what needs no lock, before the write transaction.
Result<PreparedRegistration> prepare_registration(store::Database& db, const RegistrationRequest& request,
                                                  registration::Voice voice);
// Every rule of a registration, inside the caller's transaction `sql`.
Result<RegistrationOutcome> register_within(soci::session& sql, store::Dialect dialect, const CurrentUser& user,
                                            const RegistrationRequest& request, const PreparedRegistration& prepared,
                                            registration::Voice voice, const MailContext& mail);
// After the commit: the sessions of the person's other cycles that overlap this one's.
void add_overlap_warnings(store::Database& db, long long user_id, registration::Voice voice,
                          RegistrationOutcome& outcome);

Status update_situation(store::Database& db, const CurrentUser& user, long long registration_id,
                        const std::string& situation);

Status cancel_registration(store::Database& db, const CurrentUser& user, long long registration_id,
                           const MailContext& mail);

struct MyRegistration {
    long long id = 0;
    std::string cycle_slug;
    std::string cycle_title;
    std::string facilitator;
    registration::Status status = registration::Status::applied;
    int waiting_position = 0;
    std::string situation;
    std::int64_t first_session_at = 0;
    std::int64_t last_session_ends_at = 0;
    bool situation_editable = false;  // until the first session starts
    // Pending applications in a round "sur candidature": this one's place among the
    // person's choices (1 = first) and how many choices they made.
    int choice_number = 0;
    int round_choices = 0;
};

Result<std::vector<MyRegistration>> my_registrations(store::Database& db, long long user_id, std::int64_t now);

struct MyCycleStatus {
    registration::Status status = registration::Status::applied;
    int waiting_position = 0;  // 1 = next in line, when waiting
};
// The person's active registrations (applied, confirmed, waiting), by cycle id: what the
// catalogue and the cycle pages show them instead of "S’inscrire".
Result<std::map<long long, MyCycleStatus>> my_cycle_statuses(store::Database& db, long long user_id);

// Moves a pending application one place up among the person's choices in its round.
Status move_choice_up(store::Database& db, long long user_id, long long registration_id);

// Promotes the earliest waiting registration of a "premier arrivé" cycle into a
// free seat, e-mailing them. Runs inside the caller's transaction.
void promote_waiting(soci::session& sql, long long cycle_id, const MailContext& mail);

}  // namespace ateliers::services
