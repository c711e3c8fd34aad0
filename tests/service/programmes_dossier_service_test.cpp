// A territory's dossier and its actions' CSV sent as a file, against a real database
// (SQLite, and PostgreSQL when ATELIERS_TEST_PG_URL is set): the dossier lists the evidence
// files of its own diagnostic and reviews, never another territory's, and its readers are
// the diagnostic's (a provider of another territory is refused the dossier and the file);
// the CSV exported then sent back as a file gives the same actions; a wrong file or a wrong
// line imports nothing.
#include <filesystem>
#include <random>

#include "features/programmes/services/plan_exchange.hpp"
#include "features/programmes/services/plans.hpp"
#include "programmes_fixture.hpp"

using namespace ateliers;

namespace {

const std::string png = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + std::string(64, '\0');
const std::string pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";

class ProgrammesDossierTest : public test_support::ProgrammesTest {
protected:
    void SetUp() override {
        ProgrammesTest::SetUp();
        std::random_device rd;
        folder = std::filesystem::temp_directory_path() / ("ateliers-dossier-" + std::to_string(rd()));
        storage = files::FileStorage(folder);
        auto view = services::open_assessment(*db_, &provider, slug, territory_a, 0);
        ASSERT_TRUE(view.ok()) << view.failure().message;
        criterion = view->grid.criteria.front().id;
    }
    void TearDown() override {
        std::filesystem::remove_all(folder);
        ProgrammesTest::TearDown();
    }
    void rate_with_file(const services::CurrentUser& who, long long territory, int year, const std::string& name,
                        const std::string& bytes) {
        auto in = input_with(criterion, grid_id, 2);
        in.evidence_uploads.push_back({criterion, name, bytes});
        auto saved = services::save_assessment(*db_, &who, slug, territory, year, in, &storage);
        ASSERT_TRUE(saved.ok()) << saved.failure().message;
    }
    static std::vector<std::string> names_of(const services::AssessmentView& v) {
        std::vector<std::string> out;
        for (const auto& [_, list] : v.evidence_files)
            for (const auto& f : list) out.push_back(f.original_name);
        return out;
    }
    std::vector<std::vector<std::string>> actions_of(long long territory) {
        auto t = services::territory_actions_table(*db_, &organiser, slug, territory);
        EXPECT_TRUE(t.ok());
        return t.ok() ? t->rows : std::vector<std::vector<std::string>>{};
    }

    const std::string slug = "territoires-engagement";
    std::filesystem::path folder;
    files::FileStorage storage;
    long long criterion = 0;
};

}  // namespace

TEST_F(ProgrammesDossierTest, TheDossierListsItsOwnTerritorysFilesOnly) {
    rate_with_file(provider, territory_a, 0, "forum A.pdf", pdf);
    rate_with_file(provider, territory_a, 1, "bilan A.png", png);
    rate_with_file(organiser, territory_b, 0, "secret B.pdf", pdf);

    auto a = services::territory_dossier(*db_, &provider, slug, territory_a);
    ASSERT_TRUE(a.ok()) << a.failure().message;
    EXPECT_EQ(names_of(a->diagnostic), std::vector<std::string>{"forum A.pdf"});
    ASSERT_EQ(a->reviews.size(), 1u);
    ASSERT_EQ(a->review_ratings.size(), 1u);
    EXPECT_EQ(a->review_ratings[0].assessment.year, 1);
    EXPECT_EQ(names_of(a->review_ratings[0]), std::vector<std::string>{"bilan A.png"});
    EXPECT_EQ(a->diagnostic.answers.at(criterion).evidence, "https://exemple.fr/preuve");

    // Each listed file downloads for the dossier's reader, by the same rule as the diagnostic page.
    const auto file_a = a->diagnostic.evidence_files.at(criterion).front();
    EXPECT_TRUE(services::evidence_file_download(*db_, storage, &provider, slug, territory_a, file_a.id).ok());

    // A provider assigned to B only: neither A's dossier nor A's file.
    auto provider_b = person("prestataire-b", "commune:42168");
    ASSERT_TRUE(invite(provider_b.email, "provider", territory_b).ok());
    auto refused = services::territory_dossier(*db_, &provider_b, slug, territory_a);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.failure().kind, FailureKind::forbidden);
    auto file = services::evidence_file_download(*db_, storage, &provider_b, slug, territory_a, file_a.id);
    ASSERT_FALSE(file.ok());
    EXPECT_EQ(file.failure().kind, FailureKind::forbidden);
    auto b = services::territory_dossier(*db_, &provider_b, slug, territory_b);
    ASSERT_TRUE(b.ok()) << b.failure().message;
    EXPECT_EQ(names_of(b->diagnostic), std::vector<std::string>{"secret B.pdf"});
    EXPECT_TRUE(b->review_ratings.empty());
}

TEST_F(ProgrammesDossierTest, ExportedCsvSentBackAsAFileGivesTheSameActions) {
    services::PlanActionInput in;
    in.title = "Former « les élus »; en deux temps";
    in.kind = "formation";
    in.years = {1, 2};
    in.families = {"cooperer"};
    in.providers = "Cabinet test";
    in.field_support = {"cifre"};
    in.description = "Ligne 1\nLigne 2 avec \"guillemets\"";
    ASSERT_TRUE(services::save_plan_action(*db_, &provider, slug, territory_a, in).ok());
    in.title = "=SOMME(A1)";
    in.kind = "projet_phare";
    in.description.clear();
    ASSERT_TRUE(services::save_plan_action(*db_, &provider, slug, territory_a, in).ok());
    const auto before = actions_of(territory_a);

    auto exported = services::territory_actions_table(*db_, &provider, slug, territory_a);
    ASSERT_TRUE(exported.ok());
    const auto csv = spreadsheet::to_csv(exported.value());
    auto imported = services::import_territory_actions_file(*db_, &provider, slug, territory_a, csv);
    ASSERT_TRUE(imported.ok()) << imported.failure().message;
    EXPECT_EQ(imported.value(), 2);
    EXPECT_EQ(actions_of(territory_a), before);

    // A wrong line refuses the whole file, named with its line and column; a classeur is refused as a file.
    auto table = exported.value();
    table.rows[0][1] = "Renommée";
    table.rows.push_back({"", "Sans type", "atelier", "1", "", "", "", "", "", ""});
    auto refused = services::import_territory_actions_file(*db_, &provider, slug, territory_a, spreadsheet::to_csv(table));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.failure().field, "csv_file");
    ASSERT_EQ(refused.failure().fields.count("ligne_0004"), 1u);
    EXPECT_EQ(refused.failure().fields.at("ligne_0004").rfind("Ligne 4, colonne C (Type) : type d’action inconnu", 0), 0u);
    auto xlsx = services::import_territory_actions_file(*db_, &provider, slug, territory_a,
                                                        std::string("PK\x03\x04", 4) + "xl/workbook.xml");
    ASSERT_FALSE(xlsx.ok());
    EXPECT_EQ(xlsx.failure().fields.count("csv_file"), 1u);
    EXPECT_EQ(actions_of(territory_a), before);

    // Another territory's team may not import into A's plan, even a right file.
    auto forbidden = services::import_territory_actions_file(*db_, &team_b, slug, territory_a, csv);
    ASSERT_FALSE(forbidden.ok());
    EXPECT_EQ(forbidden.failure().kind, FailureKind::forbidden);
}
