#pragma once
// The cycles as the facilitation pages list them: each with its facilitator's
// account and its sessions, marking those with a plan of their own.
#include <soci/soci.h>

#include <string>
#include <vector>

namespace ateliers::store {

struct FacilitatedCycleRow {
    long long id = 0;
    std::string slug, title, status;
    long long facilitator_user = 0;  // 0: no facilitator, or one without an account
};

// Every cycle (only_slug empty) or the one cycle, by first session then title.
std::vector<FacilitatedCycleRow> facilitated_cycle_heads(soci::session& sql, const std::string& only_slug);

struct FacilitatedSessionRow {
    long long id = 0;
    int number = 0;
    long long starts_at = 0;
    long long ends_at = 0;
    bool has_own_plan = false;
};

// The cycle's sessions by number.
std::vector<FacilitatedSessionRow> facilitated_sessions(soci::session& sql, long long cycle_id);

}  // namespace ateliers::store
