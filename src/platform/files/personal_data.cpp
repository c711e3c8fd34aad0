#include "platform/files/personal_data.hpp"

#include "platform/files/upload_rules.hpp"
#include "platform/privacy/data_table.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::files {

privacy::PersonalDataSource uploads_personal_data() {
    privacy::PersonalDataSource source;
    source.collect = [](soci::session& sql, long long user_id) {
        return std::vector<privacy::DataTable>{privacy::query_table(
            sql, "fichiers_deposes", "Fichiers déposés",
            "SELECT original_name AS name, media_type AS media_type, size_bytes AS size_bytes, sha256 AS sha256, "
            "uploaded_at AS uploaded_at FROM stored_files WHERE uploaded_by = :id ORDER BY uploaded_at, id",
            user_id,
            {{"name", "Nom du fichier", false, {}},
             {"media_type", "Type", false, {}},
             {"size_bytes", "Taille", false, [](const std::string& bytes) { return size_label(std::stoll(bytes)); }},
             {"sha256", "Empreinte SHA-256", false, {}},
             {"uploaded_at", "Déposé le", true, {}}})};
    };
    source.forget = [](soci::session& sql, long long user_id) {
        store::execute(sql, "UPDATE stored_files SET uploaded_by = NULL WHERE uploaded_by = :id", soci::use(user_id));
    };
    return source;
}

}  // namespace ateliers::files
