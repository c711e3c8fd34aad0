#pragma once
// Loads the official referential (@etalab/decoupage-administratif data/*.json):
// régions, départements, current communes and EPCI with their members.
#include <string>

#include "platform/store/database.hpp"

namespace ateliers::store {

struct ReferentialCounts {
    long long regions = 0;
    long long departements = 0;
    long long communes = 0;
    long long epci = 0;
};

// Idempotent: upserts by code in one transaction, so a re-run refreshes names and
// populations and never duplicates or breaks references held by accounts.
Result<ReferentialCounts> import_referential(Database& db, const std::string& data_dir);

std::string default_referential_dir();

}  // namespace ateliers::store
