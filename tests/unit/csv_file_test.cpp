// A file sent as CSV: text in UTF-8, not a classeur, not too big; each refusal is a French
// message on the form's field that says what to do (and which line is not UTF-8).
#include <gtest/gtest.h>

#include "platform/export/csv_file.hpp"

using namespace ateliers;

namespace {

std::string refusal(std::string_view bytes, std::size_t max = spreadsheet::max_csv_bytes) {
    auto r = spreadsheet::csv_file_text(bytes, "csv_file", max);
    if (r.ok()) return "";
    EXPECT_EQ(r.failure().field, "csv_file");
    EXPECT_EQ(r.failure().kind, FailureKind::invalid);
    EXPECT_EQ(r.failure().fields.at("csv_file"), r.failure().message);
    return r.failure().message;
}

}  // namespace

TEST(CsvFile, TextInUtf8IsTakenAsItIs) {
    const std::string with_bom = "\xEF\xBB\xBFIdentifiant;Intitulé\r\n;Forum\tcitoyen\r\n";
    auto r = spreadsheet::csv_file_text(with_bom, "csv_file");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value(), with_bom);
}

TEST(CsvFile, WrongFilesAreRefusedWithWhatToDo) {
    const struct {
        std::string bytes;
        const char* says;
    } cases[] = {
        {"", "Ce fichier est vide"},
        {std::string("PK\x03\x04", 4) + "xl/workbook.xml", "est un classeur (XLSX, ODS ou XLS)"},
        {std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "est un classeur"},
        {std::string("%PDF-1.7\n\0\0", 11), "pas un fichier texte (ligne 2)"},
        {"Identifiant;Intitul\xE9\r\n", "Ligne 1 : ce fichier n’est pas en UTF-8"},  // Windows-1252
        {"Identifiant;Intitulé\n;Caf\xE9 citoyen\n", "Ligne 2 : ce fichier n’est pas en UTF-8"},
    };
    for (const auto& c : cases) EXPECT_NE(refusal(c.bytes).find(c.says), std::string::npos) << refusal(c.bytes);
    EXPECT_NE(refusal(std::string(3000, 'a'), 2048).find("pèse 3 Ko, au-delà de la limite de 2 Ko"), std::string::npos)
        << refusal(std::string(3000, 'a'), 2048);
}
