#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <fstream>
#include <iterator>
#include <string>

#include "platform/export/spreadsheet.hpp"
#include "unzipped_workbook.hpp"

using namespace ateliers::spreadsheet;
using ateliers::test_support::UnzippedWorkbook;

namespace {

const std::string kBom = "\xEF\xBB\xBF";

// The CSV line produced for a single cell.
std::string csv_cell(const std::string& cell) {
    const auto csv = to_csv(Table{"t", {}, {{cell}}});
    EXPECT_EQ(csv.substr(0, 3), kBom);
    EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
    return csv.substr(3, csv.size() - 5);
}


Table registrations() {
    return Table{"Inscriptions [cycle 3/4]: forêts?",
                 {"Commune", "Code postal", "Participants", "Note"},
                 {{"Pélussin", "42410", "12", "=SUM(A1)"},
                  {"Saint-Étienne", "42000", "-3", "ligne 1\nligne 2"},
                  {"Bourg-en-Bresse", "01000", "", "0123"}}};
}

}  // namespace

TEST(SpreadsheetCsv, QuotesAndNeutralisesCells) {
    struct Case { std::string in, out; };
    const Case cases[] = {
        {"Pélussin", "Pélussin"},
        {"", ""},
        {"a;b", "\"a;b\""},
        {"dit \"bonjour\"", "\"dit \"\"bonjour\"\"\""},
        {"ligne 1\nligne 2", "\"ligne 1\nligne 2\""},
        {"ligne 1\r\nligne 2", "\"ligne 1\r\nligne 2\""},
        {"a,b", "a,b"},
        {"=SUM(A1)", "'=SUM(A1)"},
        {"+33 6 12 34 56 78", "'+33 6 12 34 56 78"},
        {"-2+3", "'-2+3"},
        {"@cmd", "'@cmd"},
        {"\tx", "'\tx"},
        {"\rx", "\"'\rx\""},
        {"=HYPERLINK(\"http://x\";\"y\")", "\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\""},
        {"a=b", "a=b"},
        {"Œuvre – « été »", "Œuvre – « été »"},
    };
    for (const auto& c : cases) EXPECT_EQ(csv_cell(c.in), c.out) << c.in;
}

TEST(SpreadsheetCsv, BomHeaderRowsSeparatorsAndCrlf) {
    const auto csv = to_csv(Table{"x", {"Commune", "Code"}, {{"Pélussin", "42410"}, {"Annecy"}, {"a", "b", "c"}}});
    EXPECT_EQ(csv, kBom + "Commune;Code\r\nPélussin;42410\r\nAnnecy;\r\na;b;c\r\n");
}

TEST(SpreadsheetCsv, EmptyTableIsJustTheBom) { EXPECT_EQ(to_csv(Table{}), kBom); }

TEST(SpreadsheetSheetName, FollowsExcelRules) {
    EXPECT_EQ(sanitise_sheet_name("Inscriptions [cycle 3/4]: forêts?"), "Inscriptions -cycle 3-4-- forêt");
    EXPECT_EQ(sanitise_sheet_name("a*b\\c"), "a-b-c");
    EXPECT_EQ(sanitise_sheet_name(""), "Feuille 1");
    EXPECT_EQ(sanitise_sheet_name("''"), "Feuille 1");
    EXPECT_EQ(sanitise_sheet_name("'Présences'"), "Présences");
    // 31 characters, not 31 bytes: accents are not cut in half.
    const auto long_name = sanitise_sheet_name("Équipes éducatives été 2026 — bilan détaillé");
    EXPECT_EQ(long_name, "Équipes éducatives été 2026 — b");
}

TEST(SpreadsheetXlsx, IsAZipWorkbookWithHeadersAndValues) {
    const auto xlsx = to_xlsx(registrations());
    ASSERT_TRUE(xlsx.ok()) << xlsx.failure().message;
    ASSERT_GE(xlsx->size(), 4u);
    EXPECT_EQ(xlsx->substr(0, 4), std::string("PK\x03\x04", 4));

    const UnzippedWorkbook book(xlsx.value());
    ASSERT_TRUE(book.ok);
    const auto strings = book.part("xl/sharedStrings.xml");
    const auto sheet = book.part("xl/worksheets/sheet1.xml");
    const auto workbook = book.part("xl/workbook.xml");
    const auto styles = book.part("xl/styles.xml");

    for (const char* s :
         {"Commune", "Code postal", "Pélussin", "Saint-Étienne", "ligne 1\nligne 2", "42410", "01000", "0123"}) {
        EXPECT_NE(strings.find(std::string(">") + s + "<"), std::string::npos) << s << "\n" << strings;
    }
    // Stored as a string, never as a formula, and without the CSV apostrophe.
    EXPECT_NE(strings.find(">=SUM(A1)<"), std::string::npos) << strings;
    EXPECT_EQ(sheet.find("<f>"), std::string::npos) << sheet;
    // A column of plain integers becomes numbers; one leading zero keeps the whole
    // postal-code column as text.
    EXPECT_NE(sheet.find("<c r=\"C2\" s=\"2\"><v>12</v></c>"), std::string::npos) << sheet;
    EXPECT_NE(sheet.find("<c r=\"C3\" s=\"2\"><v>-3</v></c>"), std::string::npos) << sheet;
    EXPECT_NE(sheet.find("<c r=\"B2\" t=\"s\">"), std::string::npos) << sheet;
    EXPECT_NE(sheet.find("<c r=\"D4\" t=\"s\">"), std::string::npos) << sheet;
    // Bold header, frozen first row, autofilter over the whole table, fitted widths.
    EXPECT_NE(sheet.find("<c r=\"A1\" s=\"1\" t=\"s\">"), std::string::npos) << sheet;
    EXPECT_NE(styles.find("<b/>"), std::string::npos) << styles;
    EXPECT_NE(sheet.find("ySplit=\"1\""), std::string::npos) << sheet;
    EXPECT_NE(sheet.find("state=\"frozen\""), std::string::npos) << sheet;
    EXPECT_NE(sheet.find("<autoFilter ref=\"A1:D4\"/>"), std::string::npos) << sheet;
    EXPECT_NE(sheet.find("<cols>"), std::string::npos) << sheet;
    EXPECT_NE(workbook.find("name=\"Inscriptions -cycle 3-4-- forêt\""), std::string::npos) << workbook;
}

TEST(SpreadsheetXlsx, LeavesNoTemporaryFileBehind) {
    // Other exports may run at the same time (ctest -j): compare names, not counts,
    // so only a file this export left behind can fail the test.
    const auto dir = std::filesystem::temp_directory_path();
    auto exports = [&] {
        std::set<std::string> names;
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            const auto name = entry.path().filename().string();
            if (name.rfind("ateliers-export-", 0) == 0) names.insert(name);
        }
        return names;
    };
    const auto before = exports();
    ASSERT_TRUE(to_xlsx(registrations()).ok());
    for (const auto& name : exports()) EXPECT_TRUE(before.count(name)) << "left behind: " << name;
}

TEST(SpreadsheetXlsx, HeaderOnlyAndEmptyTablesStillProduceWorkbooks) {
    const auto header_only = to_xlsx(Table{"Vide", {"Nom"}, {}});
    ASSERT_TRUE(header_only.ok()) << header_only.failure().message;
    EXPECT_EQ(header_only->substr(0, 2), "PK");
    const auto empty = to_xlsx(Table{});
    ASSERT_TRUE(empty.ok()) << empty.failure().message;
    EXPECT_EQ(empty->substr(0, 2), "PK");
}

TEST(SpreadsheetXlsx, RejectsInvalidUtf8AsAValue) {
    const auto xlsx = to_xlsx(Table{"x", {"Nom"}, {{"caf\xE9"}}});
    ASSERT_FALSE(xlsx.ok());
    EXPECT_FALSE(xlsx.failure().message.empty());
}
