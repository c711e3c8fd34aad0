// The actions' CSV: what spreadsheet::to_csv writes reads back the same (BOM, ';',
// quotes, formula guard), and every wrong line gets its own French message.
#include <gtest/gtest.h>

#include "features/programmes/domain/action_csv.hpp"
#include "platform/export/csv_reader.hpp"
#include "platform/export/spreadsheet.hpp"

using namespace ateliers;

TEST(ProgrammeActionCsv, WhatIsExportedReadsBackTheSame) {
    spreadsheet::Table t{"Actions", programmes::action_csv_headers(), {}};
    t.rows.push_back({"12", "Former « les élus »; en 2 temps", "formation", "1,2", "cooperer", "Cabinet A", "cifre,vta",
                      "en_cours", "40", "Ligne 1\nLigne 2 avec \"guillemets\""});
    t.rows.push_back({"", "=SOMME(A1)", "projet_phare", "3", "", "", "", "proposee", "0", ""});
    auto read = spreadsheet::read_csv(spreadsheet::to_csv(t));
    ASSERT_TRUE(read.ok()) << read.failure().message;
    ASSERT_EQ(read->size(), 3u);
    EXPECT_EQ(read.value()[0], t.headers);
    EXPECT_EQ(read.value()[1], t.rows[0]);
    EXPECT_EQ(read.value()[2][1], "=SOMME(A1)");
    auto rows = programmes::read_action_rows(read.value(), {"cooperer", "connecter"});
    EXPECT_TRUE(rows.problems.empty());
    ASSERT_EQ(rows.rows.size(), 2u);
    EXPECT_EQ(rows.rows[0].id, 12);
    EXPECT_EQ(rows.rows[0].years, (std::vector<int>{1, 2}));
    EXPECT_EQ(rows.rows[0].field_support, (std::vector<std::string>{"cifre", "vta"}));
    EXPECT_EQ(rows.rows[1].id, 0);
    EXPECT_FALSE(spreadsheet::read_csv("a;\"b\nc").ok());
}

TEST(ProgrammeActionCsv, EachWrongLineSaysWhatIsWrong) {
    const auto& h = programmes::action_csv_headers();
    std::vector<std::vector<std::string>> table{h};
    table.push_back({"", "", "formation", "1", "", "", "", "", "", ""});              // line 2: no title
    table.push_back({"abc", "A", "atelier", "4", "inconnue", "", "stage", "", "", ""});  // line 3: five problems
    table.push_back({"", "B", "formation", "2", "cooperer", "", "", "", "", ""});      // line 4: fine
    auto read = programmes::read_action_rows(table, {"cooperer"});
    ASSERT_EQ(read.rows.size(), 1u);
    EXPECT_EQ(read.rows[0].line, 4);
    ASSERT_EQ(read.problems.size(), 6u);
    EXPECT_EQ(read.problems[0].message, "Ligne 2 : l’intitulé est vide.");
    for (std::size_t i = 1; i < read.problems.size(); ++i) EXPECT_EQ(read.problems[i].line, 3);
    auto bad_header = programmes::read_action_rows({{"Nom", "Type"}}, {});
    ASSERT_EQ(bad_header.problems.size(), 1u);
    EXPECT_NE(bad_header.problems[0].message.find("Identifiant"), std::string::npos);
}
