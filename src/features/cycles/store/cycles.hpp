#pragma once
// Reading cycles and their sessions.
#include "features/cycles/domain/cycle_status.hpp"
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "features/registration/domain/registration_rules.hpp"
#include "platform/store/database.hpp"

namespace ateliers::store {

struct CycleRow {
    long long id = 0;
    std::string slug;
    std::string title;
    std::string theme;
    std::string summary;
    std::string description;
    std::string territory_types;
    long long facilitator_id = 0;
    int capacity = 15;
    registration::Mode mode = registration::Mode::first_come;
    CycleStatus status = CycleStatus::draft;
    long long opens_at = 0;
    long long closes_at = 0;
};

struct SessionRow {
    long long id = 0;
    int number = 0;
    long long starts_at = 0;
    long long ends_at = 0;
    std::string visio_url;
    int sequence = 0;
};

// `lock`: on PostgreSQL, SELECT … FOR UPDATE, so registrations to one cycle queue
// behind each other (SQLite already serialises writers with BEGIN IMMEDIATE).
std::optional<CycleRow> find_cycle(soci::session& sql, Dialect dialect, const std::string& slug, bool lock);
std::optional<CycleRow> find_cycle_by_id(soci::session& sql, Dialect dialect, long long id, bool lock);

std::vector<SessionRow> cycle_sessions(soci::session& sql, long long cycle_id);

int confirmed_count(soci::session& sql, long long cycle_id);

// Seat numbers held by the cycle's confirmed registrations.
std::vector<int> taken_seats(soci::session& sql, long long cycle_id);

// When the cycle's first session starts (MIN(starts_at)); nullopt when it has none.
std::optional<long long> first_session_start(soci::session& sql, long long cycle_id);

}  // namespace ateliers::store
