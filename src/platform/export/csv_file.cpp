#include "platform/export/csv_file.hpp"

#include "platform/core/text.hpp"
#include "platform/files/upload_rules.hpp"

namespace ateliers::spreadsheet {

namespace {

Failure refused(const std::string& field, std::string message) {
    Failure f{std::move(message), field, FailureKind::invalid};
    f.fields[field] = f.message;
    return f;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

Result<std::string_view> csv_file_text(std::string_view bytes, const std::string& field, std::size_t max_bytes) {
    if (bytes.empty()) return refused(field, "Ce fichier est vide : choisissez le fichier CSV exporté puis modifié.");
    if (bytes.size() > max_bytes)
        return refused(field, "Ce fichier pèse " + files::size_label(static_cast<long long>(bytes.size())) +
                                  ", au-delà de la limite de " + files::size_label(static_cast<long long>(max_bytes)) +
                                  " : ce n’est sans doute pas l’export des actions.");
    // XLSX and ODS are ZIP archives, XLS an OLE compound file: the spreadsheet's own format.
    if (starts_with(bytes, "PK\x03\x04") || starts_with(bytes, "\xD0\xCF\x11\xE0"))
        return refused(field, "Ce fichier est un classeur (XLSX, ODS ou XLS), pas un fichier CSV : dans le tableur, "
                              "choisissez « Enregistrer sous » et le type CSV, puis envoyez ce fichier-là.");
    int line = 1;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= bytes.size(); ++i) {
        if (i < bytes.size() && bytes[i] != '\n') {
            const auto c = static_cast<unsigned char>(bytes[i]);
            if (c < 0x20 && c != '\t' && c != '\r')
                return refused(field, "Ce fichier n’est pas un fichier texte (ligne " + std::to_string(line) +
                                          ") : envoyez le fichier CSV exporté depuis la page du plan.");
            continue;
        }
        if (!text::is_valid_utf8(bytes.substr(start, i - start)))
            return refused(field, "Ligne " + std::to_string(line) +
                                      " : ce fichier n’est pas en UTF-8. Enregistrez-le au format « CSV UTF-8 » (Excel) "
                                      "ou avec le jeu de caractères « Unicode (UTF-8) » (LibreOffice), puis envoyez-le "
                                      "à nouveau.");
        ++line;
        start = i + 1;
    }
    return bytes;
}

}  // namespace ateliers::spreadsheet
