#include "features/registration/store/roster.hpp"

#include <algorithm>

#include "platform/referential/collectivites.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::store {

std::vector<ParticipantRow> confirmed_participants(soci::session& sql, long long cycle_id) {
    std::vector<ParticipantRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT r.id AS registration_id, r.user_id AS user_id, u.full_name AS full_name, u.email AS email, "
                        "r.mandate AS mandate, r.collectivite_id AS collectivite_id, c.kind AS kind, c.name AS name, "
                        "c.epci_type AS epci_type, c.departement_code AS departement_code FROM registrations r JOIN users u ON u.id = r.user_id "
                        "JOIN collectivites c ON c.id = r.collectivite_id "
                        "WHERE r.cycle_id = :c AND r.status = 'confirmed' ORDER BY r.id",
         soci::use(cycle_id));
    for (const auto& r : rows) {
        ParticipantRow p;
        p.registration_id = as_int(r, "registration_id");
        p.user_id = as_int(r, "user_id");
        p.full_name = as_text(r, "full_name");
        p.email = as_text(r, "email");
        p.mandate = as_text(r, "mandate");
        p.collectivite_id = as_text(r, "collectivite_id");
        CollectiviteRow c;
        c.kind = as_text(r, "kind");
        c.name = as_text(r, "name");
        c.epci_type = as_text(r, "epci_type");
        c.departement_code = as_text(r, "departement_code");
        p.collectivite_label = collectivite_label(c);
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<SessionRow> sessions_by_number(soci::session& sql, long long cycle_id) {
    auto sessions = cycle_sessions(sql, cycle_id);
    std::stable_sort(sessions.begin(), sessions.end(),
                     [](const SessionRow& a, const SessionRow& b) { return a.number < b.number; });
    return sessions;
}

std::vector<GroupRow> cycle_group_rows(soci::session& sql, long long cycle_id) {
    std::vector<GroupRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT g.session_id, g.registration_id, g.group_number, g.is_client, g.locked "
                        "FROM session_groups g JOIN cycle_sessions s ON s.id = g.session_id "
                        "WHERE s.cycle_id = :c ORDER BY s.number, g.group_number, g.registration_id",
         soci::use(cycle_id));
    for (const auto& r : rows)
        out.push_back({as_int(r, "session_id"), as_int(r, "registration_id"), static_cast<int>(as_int(r, "group_number")),
                       as_int(r, "is_client") != 0, as_int(r, "locked") != 0});
    return out;
}

AttendanceMap cycle_attendance_records(soci::session& sql, long long cycle_id) {
    AttendanceMap out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT a.session_id, a.registration_id, a.status FROM attendance a "
                        "JOIN cycle_sessions s ON s.id = a.session_id WHERE s.cycle_id = :c",
         soci::use(cycle_id));
    for (const auto& r : rows) out[{as_int(r, "session_id"), as_int(r, "registration_id")}] = as_text(r, "status");
    return out;
}

}  // namespace ateliers::store
