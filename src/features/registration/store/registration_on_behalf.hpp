#pragma once
// Registrations an organiser makes for someone else (services/registration_on_behalf).
#include <soci/soci.h>

#include <optional>
#include <string>

namespace ateliers::store {

// The account registered on their behalf, found by address (not erased).
struct OnBehalfAccount {
    long long id = 0;
    std::string email;
    std::string full_name;
    std::string collectivite_id;  // empty when the account names none
};
std::optional<OnBehalfAccount> on_behalf_account(soci::session& sql, const std::string& email);

void mark_registered_by_team(soci::session& sql, long long registration_id, long long organiser_id);

// A registration as a move to another cycle copies it, with its person.
struct MovableRegistration {
    long long id = 0;
    long long cycle_id = 0;
    long long user_id = 0;
    std::string status;
    std::string collectivite_id;
    std::string collectivite_slot;  // empty when it holds no place
    std::string mandate;
    std::string function_title;
    std::string situation;
    std::string email;
    std::string full_name;
};
std::optional<MovableRegistration> movable_registration(soci::session& sql, long long registration_id);

}  // namespace ateliers::store
