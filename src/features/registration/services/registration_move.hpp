#pragma once
// An organiser moves a registration from one cycle to another: the old one is cancelled
// (its seat goes to the first person waiting, by the waiting list's own order), a new one
// is made in the target cycle under that cycle's rules (capacity, one per collectivité),
// marked "inscrit par l’équipe", and the person is told by e-mail. One transaction.
#include <string>

#include "features/registration/services/registrations.hpp"

namespace ateliers::services {

Result<RegistrationOutcome> move_registration(store::Database& db, const CurrentUser& organiser,
                                              long long registration_id, const std::string& to_cycle_slug,
                                              const MailContext& mail);

}  // namespace ateliers::services
