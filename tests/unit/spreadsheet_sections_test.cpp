// Reports with several sections: a multi-section CSV and a multi-sheet XLSX.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "services/spreadsheet.hpp"

using namespace ateliers::spreadsheet;

namespace {

std::vector<Table> sections() {
    return {Table{"Cycles", {"Cycle", "Participants"}, {{"Forêts", "12"}, {"Eau", "9"}}},
            Table{"Régions", {"Région", "Personnes", "Collectivités"}, {{"Bretagne", "3", "2"}}},
            Table{"Régions", {"Doublon"}, {}}};
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
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
    if (std::system("command -v unzip >/dev/null 2>&1") != 0) GTEST_SKIP() << "unzip absent";
    std::string pattern = (std::filesystem::temp_directory_path() / "xlsx-sections-XXXXXX").string();
    const std::filesystem::path dir = mkdtemp(pattern.data());
    std::ofstream(dir / "file.xlsx", std::ios::binary) << xlsx.value();
    ASSERT_EQ(std::system(("cd '" + dir.string() + "' && unzip -o -q file.xlsx").c_str()), 0);
    const auto workbook = slurp(dir / "xl/workbook.xml");
    const auto strings = slurp(dir / "xl/sharedStrings.xml");
    const bool third_sheet = std::filesystem::exists(dir / "xl/worksheets/sheet3.xml");
    std::filesystem::remove_all(dir);
    EXPECT_NE(workbook.find("name=\"Cycles\""), std::string::npos) << workbook;
    EXPECT_NE(workbook.find("name=\"Régions\""), std::string::npos) << workbook;
    EXPECT_NE(workbook.find("name=\"Régions (2)\""), std::string::npos) << workbook;
    EXPECT_TRUE(third_sheet);
    EXPECT_NE(strings.find(">Bretagne<"), std::string::npos);
}
