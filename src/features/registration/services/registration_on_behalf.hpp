#pragma once
// An organiser registers someone to a cycle on their behalf (a person who called, an élu
// without a computer…). Every rule of a registration still applies (one per collectivité,
// capacity, waiting list): it goes through register_for_cycle's steps as that person and
// is marked "inscrit par l’équipe" with a line in the audit journal, in one transaction.
// Refusals are worded for the organiser ("Cette collectivité est déjà inscrite…").
#include <string>

#include "features/registration/services/registrations.hpp"

namespace ateliers::services {

// `email`: the person's account (to reach someone without one, invite them first).
Result<RegistrationOutcome> register_on_behalf(store::Database& db, const CurrentUser& organiser,
                                               const std::string& email, const RegistrationRequest& request,
                                               const MailContext& mail);

}  // namespace ateliers::services
