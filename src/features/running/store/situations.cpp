#include "features/running/store/situations.hpp"

#include "platform/referential/collectivites.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::store {

std::vector<SituationRow> confirmed_situations(soci::session& sql, long long cycle_id) {
    std::vector<SituationRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT r.id AS id, u.full_name AS full_name, c.kind AS kind, c.name AS name, "
                        "c.epci_type AS epci_type, c.departement_code AS departement_code, "
                        "r.function_title AS function_title, r.mandate AS mandate, r.situation AS situation "
                        "FROM registrations r "
                        "JOIN users u ON u.id = r.user_id JOIN collectivites c ON c.id = r.collectivite_id "
                        "WHERE r.cycle_id = :c AND r.status = 'confirmed'",
         soci::use(cycle_id));
    for (const auto& r : rows) {
        CollectiviteRow c;
        c.kind = as_text(r, "kind");
        c.name = as_text(r, "name");
        c.epci_type = as_text(r, "epci_type");
        c.departement_code = as_text(r, "departement_code");
        out.push_back({as_int(r, "id"), as_text(r, "full_name"), collectivite_label(c), as_text(r, "function_title"),
                       as_text(r, "mandate"), as_text(r, "situation")});
    }
    return out;
}

}  // namespace ateliers::store
