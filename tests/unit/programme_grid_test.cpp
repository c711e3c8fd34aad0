// The know-how grid: the shipped default parses, scores per family, comparisons across
// versions, refused answers.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "features/programmes/domain/grid.hpp"
#include "platform/core/source_dir.hpp"

namespace pg = ateliers::programmes;

namespace {

std::string read_default_grid() {
    std::ifstream in(ateliers::source_dir() + "/data/programmes/grille-savoir-faire-v1.json");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A grid of two families with two criteria each, ids 1..4, version id 10.
pg::Grid small_grid() {
    pg::Grid g;
    g.id = 10;
    g.levels = {{1, "a", ""}, {2, "b", ""}, {3, "c", ""}, {4, "d", ""}};
    g.families = {{"cooperer", "Coopérer", ""}, {"connecter", "Connecter", ""}};
    g.criteria = {{1, "c.1", "cooperer", "", "", {}},
                  {2, "c.2", "cooperer", "", "", {}},
                  {3, "n.1", "connecter", "", "", {}},
                  {4, "n.2", "connecter", "", "", {}}};
    return g;
}

}  // namespace

TEST(ProgrammeGrid, DefaultGridHasFiveFamiliesAndFourLevels) {
    auto g = pg::parse_grid(read_default_grid());
    ASSERT_TRUE(g.ok()) << g.failure().message;
    EXPECT_TRUE(g->is_default);
    EXPECT_EQ(g->version, 1);
    ASSERT_EQ(g->families.size(), 5u);
    EXPECT_EQ(g->families[0].code, "cooperer");
    EXPECT_EQ(g->families[4].code, "souvrir");
    EXPECT_EQ(g->min_level(), 1);
    EXPECT_EQ(g->max_level(), 4);
    EXPECT_GE(g->criteria.size(), 10u);
    for (const auto& c : g->criteria) EXPECT_EQ(c.level_descriptors.size(), 4u) << c.code;
}

TEST(ProgrammeGrid, RefusesMalformedGrids) {
    struct Case {
        const char* json;
        const char* contains;
    } cases[] = {
        {"not json", "JSON"},
        {R"({"version":1,"title":"g","levels":[{"value":1,"label":"a"},{"value":3,"label":"b"}],"families":[]})",
         "numérotés"},
        {R"({"version":1,"title":"g","levels":[{"value":1,"label":"a"},{"value":2,"label":"b"}],
             "families":[{"code":"f","title":"F","criteria":[{"code":"f.1","title":"x","levels":["only one"]}]}]})",
         "chacun des 2 niveaux"},
        {R"({"version":1,"title":"g","levels":[{"value":1,"label":"a"},{"value":2,"label":"b"}],
             "families":[{"code":"f","title":"F","criteria":[]}]})",
         "aucun critère"},
    };
    for (const auto& c : cases) {
        auto g = pg::parse_grid(c.json);
        ASSERT_FALSE(g.ok()) << c.json;
        EXPECT_NE(g.failure().message.find(c.contains), std::string::npos) << g.failure().message;
    }
}

TEST(ProgrammeGrid, FamilyScoreIsPercentOfMaximumOverRatedCriteria) {
    const auto g = small_grid();
    auto scores = pg::family_scores(g, {{1, 4}, {2, 2}, {3, 1}});
    ASSERT_EQ(scores.size(), 2u);
    EXPECT_EQ(scores[0].family_code, "cooperer");
    EXPECT_EQ(scores[0].rated, 2);
    EXPECT_DOUBLE_EQ(*scores[0].percent, 75.0);  // (4+2) / (2×4)
    EXPECT_EQ(scores[1].rated, 1);
    EXPECT_EQ(scores[1].criteria, 2);
    EXPECT_DOUBLE_EQ(*scores[1].percent, 25.0);
    auto none = pg::family_scores(g, {});
    EXPECT_FALSE(none[0].percent.has_value());
    // An out-of-scale level or another version's criterion never counts.
    auto odd = pg::family_scores(g, {{1, 9}, {99, 4}});
    EXPECT_EQ(odd[0].rated, 0);
}

TEST(ProgrammeGrid, AnswersOutsideTheScaleOrOfAnotherVersionAreRefused) {
    const auto g = small_grid();
    struct Case {
        pg::LevelAnswer answer;
        const char* contains;  // empty: accepted
    } cases[] = {
        {{1, 10, 1}, ""},
        {{1, 10, 4}, ""},
        {{1, 10, std::nullopt}, ""},  // not rated yet
        {{1, 10, 0}, "entre 1 et 4"},
        {{1, 10, 5}, "entre 1 et 4"},
        {{1, 11, 2}, "autre version"},
        {{42, 10, 2}, "n’existe pas"},
    };
    for (const auto& c : cases) {
        const auto problem = pg::answer_problem(c.answer, g);
        if (std::string(c.contains).empty()) EXPECT_EQ(problem, "");
        else EXPECT_NE(problem.find(c.contains), std::string::npos) << problem;
    }
}

TEST(ProgrammeGrid, ComparesReviewsAcrossGridVersionsByFamilyCode) {
    const std::vector<pg::FamilyScore> year1{{"cooperer", 2, 2, 50.0}, {"connecter", 1, 2, 25.0}, {"ancienne", 1, 1, 100.0}};
    const std::vector<pg::FamilyScore> year2{{"connecter", 3, 3, 50.0}, {"cooperer", 2, 2, 75.0}, {"souvrir", 0, 2, std::nullopt}};
    auto changes = pg::compare(year1, year2);
    ASSERT_EQ(changes.size(), 4u);
    EXPECT_EQ(changes[0].family_code, "connecter");
    EXPECT_DOUBLE_EQ(*changes[0].delta, 25.0);
    EXPECT_DOUBLE_EQ(*changes[1].delta, 25.0);
    EXPECT_FALSE(changes[2].delta.has_value());  // not rated in year 2
    EXPECT_EQ(changes[3].family_code, "ancienne");  // dropped from the newer grid
    EXPECT_FALSE(changes[3].after.has_value());
}

// Which version a new diagnostic or review starts on: the newest by default; the ANCT
// may choose any stored version; anyone else asking for an older one is told to reload.
TEST(ProgrammeGrid, NewAssessmentsStartOnTheNewestUnlessTheAnctChooses) {
    const std::vector<pg::GridVersionInfo> versions{{11, 1, "Grille par défaut"}, {30, 3, "Grille 2027"}, {20, 2, "Grille 2026"}};
    struct Case {
        std::optional<long long> requested;
        bool may_choose;
        long long id;  // 0: refused
        ateliers::FailureKind kind;
    } cases[] = {
        {std::nullopt, false, 30, {}},  {std::nullopt, true, 30, {}}, {30, false, 30, {}},
        {11, true, 11, {}},             {20, true, 20, {}},
        {11, false, 0, ateliers::FailureKind::conflict},
        {99, true, 0, ateliers::FailureKind::invalid}, {99, false, 0, ateliers::FailureKind::invalid},
    };
    for (const auto& c : cases) {
        const auto got = pg::grid_for_new_assessment(versions, c.requested, c.may_choose);
        const auto label = std::to_string(c.requested.value_or(0)) + (c.may_choose ? " ANCT" : " other");
        if (c.id) {
            ASSERT_TRUE(got.ok()) << label << ": " << got.failure().message;
            EXPECT_EQ(got.value(), c.id) << label;
        } else {
            ASSERT_FALSE(got.ok()) << label;
            EXPECT_EQ(got.failure().kind, c.kind) << label;
            EXPECT_FALSE(got.failure().message.empty());
        }
    }
    const auto none = pg::grid_for_new_assessment({}, std::nullopt, true);
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.failure().kind, ateliers::FailureKind::technical);
}
