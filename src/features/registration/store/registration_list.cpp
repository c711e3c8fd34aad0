#include "features/registration/store/registration_list.hpp"

#include "features/registration/store/waiting_list.hpp"
#include "platform/referential/collectivites.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::store {

const char* const admin_registration_select =
    "SELECT r.id, u.full_name, u.email, r.collectivite_id, c.kind, c.name, c.epci_type, c.departement_code, "
    "c.size_class, c.zone, c.region_code, COALESCE(g.name, '') AS region_name, r.mandate, r.function_title, "
    "r.situation, r.status, r.arrival, COALESCE(r.seat, 0) AS seat";
const char* const admin_registration_from =
    " FROM registrations r JOIN users u ON u.id = r.user_id JOIN collectivites c ON c.id = r.collectivite_id "
    "LEFT JOIN regions g ON g.code = c.region_code ";

AdminRegistration read_admin_registration(const soci::row& r) {
    AdminRegistration a;
    a.id = as_int(r, "id");
    a.full_name = as_text(r, "full_name");
    a.email = as_text(r, "email");
    a.collectivite_id = as_text(r, "collectivite_id");
    CollectiviteRow c;
    c.kind = as_text(r, "kind");
    c.name = as_text(r, "name");
    c.epci_type = as_text(r, "epci_type");
    c.departement_code = as_text(r, "departement_code");
    a.collectivite_label = collectivite_label(c);
    a.size_class = as_text(r, "size_class");
    a.zone = as_text(r, "zone");
    a.region_code = as_text(r, "region_code");
    a.region_name = as_text(r, "region_name");
    a.mandate = as_text(r, "mandate");
    a.function_title = as_text(r, "function_title");
    a.situation = as_text(r, "situation");
    registration::parse_status(as_text(r, "status"), a.status);
    a.arrival_ms = as_int(r, "arrival");
    a.seat = static_cast<int>(as_int(r, "seat"));
    return a;
}

std::vector<AdminRegistration> cycle_registration_list(soci::session& sql, long long cycle_id) {
    std::vector<AdminRegistration> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(admin_registration_select) + ", r.collectivite_verified, " +
                            "CASE WHEN r.registered_by IS NULL THEN 0 ELSE 1 END AS by_team" + admin_registration_from +
                            "WHERE r.cycle_id = :c ORDER BY " + waiting_list_order,
         soci::use(cycle_id));
    for (const auto& r : rows) {
        out.push_back(read_admin_registration(r));
        out.back().collectivite_verified = as_int(r, "collectivite_verified") != 0;
        out.back().registered_by_team = as_int(r, "by_team") != 0;
    }
    number_waiting_list(
        out, [](const AdminRegistration& a) { return a.status == registration::Status::waiting; },
        [](AdminRegistration& a, int position) { a.waiting_position = position; });
    return out;
}

std::vector<RegistrationSummary> cycle_registration_summaries(soci::session& sql, long long cycle_id) {
    std::vector<RegistrationSummary> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT r.id, r.status, r.seat, r.arrival, r.created_at, r.collectivite_id, r.mandate, "
                        "r.function_title, r.situation, u.full_name, u.email "
                        "FROM registrations r JOIN users u ON u.id = r.user_id "
                        "WHERE r.cycle_id = :c ORDER BY " +
                            std::string(waiting_list_order),
         soci::use(cycle_id));
    for (const auto& r : rows) {
        RegistrationSummary s;
        s.id = as_int(r, "id");
        s.status = as_text(r, "status");
        s.seat = as_optional_int(r, "seat");
        s.arrival_ms = as_int(r, "arrival");
        s.created_at = as_int(r, "created_at");
        s.collectivite_id = as_text(r, "collectivite_id");
        s.mandate = as_text(r, "mandate");
        s.function_title = as_text(r, "function_title");
        s.situation = as_text(r, "situation");
        s.full_name = as_text(r, "full_name");
        s.email = as_text(r, "email");
        out.push_back(std::move(s));
    }
    number_waiting_list(
        out,
        [](const RegistrationSummary& s) {
            registration::Status status{};
            registration::parse_status(s.status, status);
            return status == registration::Status::waiting;
        },
        [](RegistrationSummary& s, int position) { s.waiting_position = position; });
    return out;
}

}  // namespace ateliers::store
