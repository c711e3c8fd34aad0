#pragma once
// What the back office reads of the cycles: a cycle's région and registration counts,
// the facilitators, and every cycle by status.
#include "features/cycles/domain/cycle_status.hpp"
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

std::string region_of(soci::session& sql, long long cycle_id);

struct StatusCounts {
    int confirmed = 0, waiting = 0, applied = 0;
};
StatusCounts registration_counts(soci::session& sql, long long cycle_id);

struct FacilitatorRow {
    long long id = 0;
    std::string full_name;
    std::string email;  // of the linked account, empty when none
};

std::optional<FacilitatorRow> find_facilitator(soci::session& sql, long long facilitator_id);

// Every facilitator, by name then id.
std::vector<FacilitatorRow> facilitators(soci::session& sql);

struct AdminCycleRow {
    long long id = 0;
    std::string slug;
    std::string title;
    CycleStatus status = CycleStatus::draft;
    std::string theme;
    std::string facilitator_name;  // empty when none
    std::string mode;
    int capacity = 0;
    int confirmed = 0, waiting = 0, applied = 0;
    long long first_session_at = 0;  // 0 when none
    int session_count = 0;
};

// Every cycle: drafts, then published, then the others; each by first session then id.
std::vector<AdminCycleRow> admin_cycle_rows(soci::session& sql);

}  // namespace ateliers::store
