#include "features/identity/store/personal_data.hpp"

#include "platform/privacy/data_table.hpp"

namespace ateliers::store {

std::vector<privacy::DataTable> identity_personal_tables(soci::session& sql, long long user_id) {
    return {privacy::query_table(
        sql, "proconnect", "Identité ProConnect",
        "SELECT i.sub AS sub, i.idp_id AS idp_id, i.uid AS uid, i.siret AS siret, "
        "COALESCE(c.name, '') AS collectivite, i.signed_in_at AS signed_in_at FROM proconnect_identities i "
        "LEFT JOIN collectivites c ON c.id = i.collectivite_id WHERE i.user_id = :id",
        user_id,
        {{"sub", "Identifiant ProConnect"},
         {"idp_id", "Fournisseur d’identité"},
         {"uid", "Identifiant chez l’employeur"},
         {"siret", "SIRET de l’employeur"},
         {"collectivite", "Collectivité reconnue"},
         {"signed_in_at", "Dernière connexion", true}})};
}

void forget_proconnect_identity(soci::session& sql, long long user_id) {
    sql << "DELETE FROM proconnect_identities WHERE user_id = :u", soci::use(user_id);
}

}  // namespace ateliers::store
