#pragma once
// The people and groups of a running cycle: its confirmed participants, its
// sessions in number order, the breakout groups and the attendance records.
// Read by the breakout planning and attendance services.
#include <soci/soci.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "features/cycles/store/cycles.hpp"

namespace ateliers::store {

struct ParticipantRow {
    long long registration_id = 0;
    long long user_id = 0;
    std::string full_name;
    std::string email;
    std::string mandate;  // elu | agent
    std::string collectivite_id;
    std::string collectivite_label;  // "Pélussin (42) – commune"
};

// Confirmed registrations of the cycle, by registration id (a stable order, so
// that the solver sees the same problem for the same data).
std::vector<ParticipantRow> confirmed_participants(soci::session& sql, long long cycle_id);

// The cycle's sessions ordered by their number (1, 2, 3, 4).
std::vector<SessionRow> sessions_by_number(soci::session& sql, long long cycle_id);

struct GroupRow {
    long long session_id = 0;
    long long registration_id = 0;
    int group_number = 0;  // from 1
    bool is_client = false;
    bool locked = false;
};

// Every session_groups row of the cycle's sessions, whoever they belong to.
std::vector<GroupRow> cycle_group_rows(soci::session& sql, long long cycle_id);

// (session id, registration id) -> present | excused | absent, for the cycle.
using AttendanceMap = std::map<std::pair<long long, long long>, std::string>;
AttendanceMap cycle_attendance_records(soci::session& sql, long long cycle_id);

}  // namespace ateliers::store
