#include "features/events/store/event_report.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

std::vector<EventAttendanceFacts> event_attendance_facts(soci::session& sql, long long event_id) {
    std::vector<EventAttendanceFacts> out;
    for_each_row(
        sql,
        "SELECT r.id AS registration_id, r.organisation_kind AS organisation_kind, r.attendance AS attendance, "
        "COALESCE(c.size_class, '') AS size_class, COALESCE(c.zone, '') AS zone, "
        "COALESCE(c.region_code, '') AS region_code, COALESCE(g.name, '') AS region_name, "
        "COALESCE(c.departement_code, '') AS departement_code, COALESCE(d.name, '') AS departement_name, "
        "CASE WHEN k.registration_id IS NULL THEN 0 ELSE 1 END AS checked_in "
        "FROM event_registrations r JOIN users u ON u.id = r.user_id "
        "LEFT JOIN collectivites c ON c.id = COALESCE(NULLIF(r.collectivite_id, ''), u.collectivite_id) "
        "LEFT JOIN regions g ON g.code = c.region_code "
        "LEFT JOIN departements d ON d.code = c.departement_code "
        "LEFT JOIN event_checkins k ON k.registration_id = r.id "
        "WHERE r.event_id = :e AND r.status = 'confirmed' ORDER BY r.arrival, r.id",
        [&](const soci::row& r) {
            EventAttendanceFacts f;
            f.registration_id = as_int(r, "registration_id");
            f.organisation_kind = as_text(r, "organisation_kind");
            f.attendance = as_text(r, "attendance");
            f.size_class = as_text(r, "size_class");
            f.zone = as_text(r, "zone");
            f.region_code = as_text(r, "region_code");
            f.region_name = as_text(r, "region_name");
            f.departement_code = as_text(r, "departement_code");
            f.departement_name = as_text(r, "departement_name");
            f.checked_in = as_int(r, "checked_in") != 0;
            out.push_back(std::move(f));
        },
        soci::use(event_id));
    return out;
}

std::vector<WorkshopAttendanceFacts> workshop_attendance_facts(soci::session& sql, long long event_id) {
    std::vector<WorkshopAttendanceFacts> out;
    for_each_row(
        sql,
        "SELECT c.item_id AS item_id, COUNT(*) AS held, "
        "SUM(CASE WHEN k.registration_id IS NULL THEN 0 ELSE 1 END) AS checked_in, "
        "SUM(CASE WHEN a.registration_id IS NULL THEN 0 ELSE 1 END) AS present "
        "FROM event_choices c JOIN event_registrations r ON r.id = c.registration_id "
        "LEFT JOIN event_checkins k ON k.registration_id = r.id "
        "LEFT JOIN event_workshop_attendance a ON a.registration_id = r.id AND a.item_id = c.item_id "
        "WHERE r.event_id = :e AND r.status = 'confirmed' AND c.status = 'held' GROUP BY c.item_id",
        [&](const soci::row& r) {
            out.push_back({as_int(r, "item_id"), static_cast<int>(as_int(r, "held")),
                           static_cast<int>(as_int(r, "checked_in")), static_cast<int>(as_int(r, "present"))});
        },
        soci::use(event_id));
    return out;
}

}  // namespace ateliers::store
