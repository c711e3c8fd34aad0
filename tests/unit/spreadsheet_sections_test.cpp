// Reports with several sections: a multi-section CSV and a multi-sheet XLSX.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "platform/export/spreadsheet.hpp"
#include "unzipped_workbook.hpp"

using namespace ateliers::spreadsheet;

namespace {

std::vector<Table> sections() {
    return {Table{"Cycles", {"Cycle", "Participants"}, {{"Forêts", "12"}, {"Eau", "9"}}},
            Table{"Régions", {"Région", "Personnes", "Collectivités"}, {{"Bretagne", "3", "2"}}},
            Table{"Régions", {"Doublon"}, {}}};
}


}  // namespace

TEST(SpreadsheetSections, CsvHasOneBomAndEachSectionAfterItsTitle) {
    EXPECT_EQ(to_csv(sections()),
              "\xEF\xBB\xBF"
              "Cycles\r\nCycle;Participants\r\nForêts;12\r\nEau;9\r\n"
              "\r\nRégions\r\nRégion;Personnes;Collectivités\r\nBretagne;3;2\r\n"
              "\r\nRégions\r\nDoublon\r\n");
}

TEST(SpreadsheetSections, XlsxHasOneSheetPerSectionWithUniqueNames) {
    const auto xlsx = to_xlsx(sections());
    ASSERT_TRUE(xlsx.ok()) << xlsx.failure().message;
    EXPECT_EQ(xlsx->substr(0, 2), "PK");
    const ateliers::test_support::UnzippedWorkbook book(xlsx.value());
    ASSERT_TRUE(book.ok);
    const auto workbook = book.part("xl/workbook.xml");
    const auto strings = book.part("xl/sharedStrings.xml");
    const bool third_sheet = book.has("xl/worksheets/sheet3.xml");
    EXPECT_NE(workbook.find("name=\"Cycles\""), std::string::npos) << workbook;
    EXPECT_NE(workbook.find("name=\"Régions\""), std::string::npos) << workbook;
    EXPECT_NE(workbook.find("name=\"Régions (2)\""), std::string::npos) << workbook;
    EXPECT_TRUE(third_sheet);
    EXPECT_NE(strings.find(">Bretagne<"), std::string::npos);
}
