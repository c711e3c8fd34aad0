#pragma once
// Presence records of a session: one per registration, with the date the absence
// mail left, if it did.
#include <soci/soci.h>

#include <string>
#include <vector>

namespace ateliers::store {

struct AttendanceRecordRow {
    long long registration_id = 0;
    std::string status;  // present | excused | absent
    bool absence_mailed = false;
};

std::vector<AttendanceRecordRow> session_attendance_records(soci::session& sql, long long session_id);

void insert_attendance(soci::session& sql, long long session_id, long long registration_id,
                       const std::string& status, long long recorded_at);
void update_attendance_status(soci::session& sql, long long session_id, long long registration_id,
                              const std::string& status, long long recorded_at);
void delete_attendance(soci::session& sql, long long session_id, long long registration_id);
void mark_absence_mailed(soci::session& sql, long long session_id, long long registration_id, long long at);

}  // namespace ateliers::store
