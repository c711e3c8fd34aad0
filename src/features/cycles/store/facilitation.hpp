#pragma once
// Who may run a cycle's sessions, as the cycles' table says it.
#include <soci/soci.h>

#include <optional>
#include <string>

namespace ateliers::store {

// Where one person stands with a cycle found by its slug.
struct CycleStanding {
    long long cycle_id = 0;
    bool draft = false;
    bool linked_facilitator = false;  // the person is the account of the cycle's facilitator
};

// nullopt when no cycle has this slug.
std::optional<CycleStanding> cycle_standing(soci::session& sql, const std::string& cycle_slug, long long user_id);

}  // namespace ateliers::store
