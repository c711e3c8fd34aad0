#include "features/registration/store/roster.hpp"

#include <algorithm>

#include "platform/referential/collectivites.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::store {

std::vector<ParticipantRow> confirmed_participants(soci::session& sql, long long cycle_id) {
    std::vector<ParticipantRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT r.id, r.user_id, u.full_name, u.email, r.mandate, r.collectivite_id, c.kind, c.name, "
                        "c.epci_type, c.departement_code FROM registrations r JOIN users u ON u.id = r.user_id "
                        "JOIN collectivites c ON c.id = r.collectivite_id "
                        "WHERE r.cycle_id = :c AND r.status = 'confirmed' ORDER BY r.id",
         soci::use(cycle_id));
    for (const auto& r : rows) {
        ParticipantRow p;
        p.registration_id = as_int(r, 0);
        p.user_id = as_int(r, 1);
        p.full_name = as_text(r, 2);
        p.email = as_text(r, 3);
        p.mandate = as_text(r, 4);
        p.collectivite_id = as_text(r, 5);
        CollectiviteRow c;
        c.kind = as_text(r, 6);
        c.name = as_text(r, 7);
        c.epci_type = as_text(r, 8);
        c.departement_code = as_text(r, 9);
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
        out.push_back({as_int(r, 0), as_int(r, 1), static_cast<int>(as_int(r, 2)), as_int(r, 3) != 0,
                       as_int(r, 4) != 0});
    return out;
}

AttendanceMap cycle_attendance_records(soci::session& sql, long long cycle_id) {
    AttendanceMap out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT a.session_id, a.registration_id, a.status FROM attendance a "
                        "JOIN cycle_sessions s ON s.id = a.session_id WHERE s.cycle_id = :c",
         soci::use(cycle_id));
    for (const auto& r : rows) out[{as_int(r, 0), as_int(r, 1)}] = as_text(r, 2);
    return out;
}

}  // namespace ateliers::store
