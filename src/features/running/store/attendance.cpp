#include "features/running/store/attendance.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

std::vector<AttendanceRecordRow> session_attendance_records(soci::session& sql, long long session_id) {
    std::vector<AttendanceRecordRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT registration_id, status, absence_mail_at FROM attendance WHERE session_id = :s",
         soci::use(session_id));
    for (const auto& r : rows)
        out.push_back({as_int(r, "registration_id"), as_text(r, "status"),
                       as_optional_int(r, "absence_mail_at").has_value()});
    return out;
}

void insert_attendance(soci::session& sql, long long session_id, long long registration_id,
                       const std::string& status, long long recorded_at) {
    sql << "INSERT INTO attendance (session_id, registration_id, status, recorded_at) "
           "VALUES (:s, :r, :st, :t)",
        soci::use(session_id), soci::use(registration_id), soci::use(status), soci::use(recorded_at);
}

void update_attendance_status(soci::session& sql, long long session_id, long long registration_id,
                              const std::string& status, long long recorded_at) {
    sql << "UPDATE attendance SET status = :st, recorded_at = :t WHERE session_id = :s AND "
           "registration_id = :r",
        soci::use(status), soci::use(recorded_at), soci::use(session_id), soci::use(registration_id);
}

void delete_attendance(soci::session& sql, long long session_id, long long registration_id) {
    sql << "DELETE FROM attendance WHERE session_id = :s AND registration_id = :r", soci::use(session_id),
        soci::use(registration_id);
}

void mark_absence_mailed(soci::session& sql, long long session_id, long long registration_id, long long at) {
    sql << "UPDATE attendance SET absence_mail_at = :t WHERE session_id = :s AND registration_id = :r",
        soci::use(at), soci::use(session_id), soci::use(registration_id);
}

}  // namespace ateliers::store
