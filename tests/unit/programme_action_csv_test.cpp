// The actions' CSV: what spreadsheet::to_csv writes reads back the same (BOM, ';',
// quotes, formula guard), and every wrong line gets its own French message.
#include <gtest/gtest.h>

#include "features/programmes/domain/action_csv.hpp"
#include "platform/export/csv_file.hpp"
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
    EXPECT_EQ(read.problems[0].message, "Ligne 2, colonne B (Intitulé) : l’intitulé est vide.");
    EXPECT_EQ(read.problems[1].message, "Ligne 3, colonne A (Identifiant) : l’identifiant « abc » n’est pas celui d’une "
                                        "action exportée.");
    EXPECT_EQ(read.problems[2].message.rfind("Ligne 3, colonne C (Type) : type d’action inconnu « atelier »", 0), 0u);
    for (std::size_t i = 1; i < read.problems.size(); ++i) EXPECT_EQ(read.problems[i].line, 3);
    auto bad_header = programmes::read_action_rows({{"Nom", "Type"}}, {});
    ASSERT_EQ(bad_header.problems.size(), 1u);
    EXPECT_NE(bad_header.problems[0].message.find("Identifiant"), std::string::npos);
    EXPECT_EQ(bad_header.problems[0].message.rfind("Ligne 1, colonne A : ", 0), 0u);
}

TEST(ProgrammeActionCsv, PositionsAreTheSpreadsheetsLettersAndNames) {
    EXPECT_EQ(programmes::action_csv_position(4, 2), "Ligne 4, colonne C (Type) : ");
    EXPECT_EQ(programmes::action_csv_position(12, 9), "Ligne 12, colonne J (Description) : ");
    EXPECT_EQ(programmes::action_csv_position(2, 10), "Ligne 2, colonne K : ");
}

// What Excel and LibreOffice save: a BOM, ';' and CRLF; read as the export itself.
TEST(ProgrammeActionCsv, ASpreadsheetsSavedFileReadsBack) {
    std::string saved = "\xEF\xBB\xBF";
    for (std::size_t i = 0; i < programmes::action_csv_headers().size(); ++i)
        saved += (i ? ";" : "") + programmes::action_csv_headers()[i];
    saved += "\r\n;\"Forum; citoyen\";formation;1,2;cooperer;;;;;\"Deux\nlignes\"\r\n";
    auto text = spreadsheet::csv_file_text(saved, "csv_file");
    ASSERT_TRUE(text.ok()) << text.failure().message;
    auto table = spreadsheet::read_csv(text.value());
    ASSERT_TRUE(table.ok());
    auto rows = programmes::read_action_rows(table.value(), {"cooperer"});
    ASSERT_TRUE(rows.problems.empty()) << rows.problems[0].message;
    ASSERT_EQ(rows.rows.size(), 1u);
    EXPECT_EQ(rows.rows[0].title, "Forum; citoyen");
    EXPECT_EQ(rows.rows[0].description, "Deux\nlignes");
}
