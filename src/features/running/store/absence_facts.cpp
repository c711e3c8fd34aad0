#include "features/running/store/absence_facts.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

std::optional<std::string> session_plan_phases(soci::session& sql, long long session_id) {
    std::string phases;
    soci::indicator ind = soci::i_null;
    sql << "SELECT phases FROM session_plans WHERE session_id = :s", soci::use(session_id), soci::into(phases, ind);
    if (!sql.got_data() || ind != soci::i_ok) return std::nullopt;
    return phases;
}

int session_client_count(soci::session& sql, long long session_id) {
    long long situations = 0;
    sql << "SELECT COUNT(*) FROM session_groups WHERE session_id = :s AND is_client = 1", soci::use(session_id),
        soci::into(situations);
    return static_cast<int>(situations);
}

std::vector<GroupClientRow> clients_of_group_of(soci::session& sql, long long session_id, long long registration_id) {
    std::vector<GroupClientRow> out;
    soci::rowset<soci::row> group =
        (sql.prepare << "SELECT g.registration_id AS registration_id, u.full_name AS full_name FROM session_groups g "
                        "JOIN registrations r ON r.id = g.registration_id JOIN users u ON u.id = r.user_id "
                        "WHERE g.session_id = :s AND g.is_client = 1 AND g.group_number = "
                        "(SELECT group_number FROM session_groups WHERE session_id = :s2 AND registration_id = :r)",
         soci::use(session_id, "s"), soci::use(session_id, "s2"), soci::use(registration_id, "r"));
    for (const auto& row : group) out.push_back({as_int(row, "registration_id"), as_text(row, "full_name")});
    return out;
}

std::optional<FacilitatorContactRow> facilitator_contact(soci::session& sql, long long facilitator_id) {
    soci::row who;
    sql << "SELECT f.full_name AS full_name, COALESCE(u.email, '') AS email FROM facilitators f "
           "LEFT JOIN users u ON u.id = f.user_id WHERE f.id = :f",
        soci::use(facilitator_id), soci::into(who);
    if (!sql.got_data()) return std::nullopt;
    return FacilitatorContactRow{as_text(who, "full_name"), as_text(who, "email")};
}

std::optional<std::string> first_contact_email(soci::session& sql) {
    soci::rowset<soci::row> contacts = (sql.prepare << "SELECT email FROM contacts ORDER BY sort_order, id");
    for (const auto& c : contacts) return as_text(c, "email");
    return std::nullopt;
}

}  // namespace ateliers::store
