#pragma once
// A cycle's registrations for the organisers' API (GET /api/v1/cycles/{slug}/registrations).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "features/cycles/store/cycles.hpp"
#include "features/registration/domain/registration_rules.hpp"
#include "features/registration/store/registration_list.hpp"
#include "platform/referential/collectivites.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct CycleRegistrationList {
    store::CycleRow cycle;
    std::map<std::string, int> counts;                  // by status code, over every registration
    std::vector<store::RegistrationSummary> rows;       // of the status asked for, else all; in line order
    // The collectivités of `rows`, by id; nullopt for an id the referential lacks.
    std::map<std::string, std::optional<store::CollectiviteRow>> collectivites;
};

// nullopt when the cycle does not exist. `only`: keep the rows of that status.
// A database error throws (the API answers its own technical error).
std::optional<CycleRegistrationList> cycle_registration_list(store::Database& db, const std::string& slug,
                                                             std::optional<registration::Status> only);

}  // namespace ateliers::services
