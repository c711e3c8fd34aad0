#pragma once
// Reads shared by the cycle use cases (cycle_admin.cpp) and the back office's lists
// (cycle_admin_queries.cpp), inside the caller's session or transaction.
#include <soci/soci.h>

#include <string>

namespace ateliers::services::cycle_reads {

std::string region_of(soci::session& sql, long long cycle_id);

struct RegistrationCounts {
    int confirmed = 0, waiting = 0, applied = 0;
};
RegistrationCounts registration_counts(soci::session& sql, long long cycle_id);

}  // namespace ateliers::services::cycle_reads
