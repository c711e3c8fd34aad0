// Evidence files of a diagnostic against a real database (SQLite, and PostgreSQL when
// ATELIERS_TEST_PG_URL is set) and a real folder: joined with the answers in one
// transaction, refused per criterion (too big, forbidden kind) with nothing kept, removed
// on request, downloaded only by those who may read the territory (the diagnostic's rule).
#include <filesystem>
#include <random>

#include "features/programmes/services/assessments.hpp"
#include "programmes_fixture.hpp"

using namespace ateliers;

using test_support::ProgrammesTest;

namespace {

const std::string png = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + std::string(64, '\0');

class ProgrammesEvidenceTest : public ProgrammesTest {
protected:
    void SetUp() override {
        ProgrammesTest::SetUp();
        std::random_device rd;
        folder = std::filesystem::temp_directory_path() / ("ateliers-evidence-" + std::to_string(rd()));
        storage = files::FileStorage(folder);
        auto view = services::open_assessment(*db_, &provider, "territoires-engagement", territory_a, 0);
        ASSERT_TRUE(view.ok()) << view.failure().message;
        criterion = view->grid.criteria.front().id;
    }
    void TearDown() override {
        std::filesystem::remove_all(folder);
        ProgrammesTest::TearDown();
    }
    std::size_t files_on_disk() const {
        std::size_t n = 0;
        if (!std::filesystem::exists(folder)) return 0;
        for (const auto& e : std::filesystem::recursive_directory_iterator(folder)) n += e.is_regular_file();
        return n;
    }
    Status save(const services::CurrentUser& who, services::AssessmentInput in) {
        return services::save_assessment(*db_, &who, "territoires-engagement", territory_a, 0, in, &storage);
    }

    std::filesystem::path folder;
    files::FileStorage storage;
    long long criterion = 0;
};

}  // namespace

TEST_F(ProgrammesEvidenceTest, FilesJoinTheAnswersAndOnlyTheTerritorysReadersGetThem) {
    auto in = input_with(criterion, grid_id, 2);
    in.evidence_uploads.push_back({criterion, "photo atelier.png", png});
    auto saved = save(provider, in);
    ASSERT_TRUE(saved.ok()) << saved.failure().message;
    EXPECT_EQ(files_on_disk(), 1u);
    auto view = services::open_assessment(*db_, &provider, "territoires-engagement", territory_a, 0);
    ASSERT_TRUE(view.ok());
    ASSERT_EQ(view->evidence_files.count(criterion), 1u);
    const auto evidence = view->evidence_files.at(criterion).front();
    EXPECT_EQ(evidence.original_name, "photo atelier.png");
    EXPECT_EQ(evidence.media_type, "image/png");

    auto mine = services::evidence_file_download(*db_, storage, &provider, "territoires-engagement", territory_a, evidence.id);
    ASSERT_TRUE(mine.ok()) << mine.failure().message;
    EXPECT_EQ(mine->bytes, png);
    // Another territory's team: refused, as for the diagnostic page; through its own territory: not found.
    auto other = services::evidence_file_download(*db_, storage, &team_b, "territoires-engagement", territory_a, evidence.id);
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.failure().kind, FailureKind::forbidden);
    auto sideways = services::evidence_file_download(*db_, storage, &team_b, "territoires-engagement", territory_b, evidence.id);
    ASSERT_FALSE(sideways.ok());
    EXPECT_EQ(sideways.failure().kind, FailureKind::not_found);
    auto anonymous = services::evidence_file_download(*db_, storage, nullptr, "territoires-engagement", territory_a, evidence.id);
    EXPECT_TRUE(anonymous.ok()) << "the command line (no actor) may read everything";

    // Removed on request: rows and bytes.
    auto again = input_with(criterion, grid_id, 2);
    again.evidence_removed.push_back(evidence.id);
    ASSERT_TRUE(save(provider, again).ok());
    EXPECT_EQ(files_on_disk(), 0u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM assessment_evidence_files"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM stored_files"), 0);
}

TEST_F(ProgrammesEvidenceTest, BadFilesAreRefusedPerCriterionAndNothingIsKept) {
    auto in = input_with(criterion, grid_id, 2);
    in.evidence_uploads.push_back({criterion, "script.pdf", "<script>alert(1)</script>"});
    auto refused = save(provider, in);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.failure().kind, FailureKind::invalid);
    const auto field = "evidence_file_" + std::to_string(criterion);
    ASSERT_EQ(refused.failure().fields.count(field), 1u);
    EXPECT_NE(refused.failure().fields.at(field).find("format accepté"), std::string::npos);

    auto big = input_with(criterion, grid_id, 2);
    const std::string huge = png + std::string(files::max_file_bytes, '\0');
    big.evidence_uploads.push_back({criterion, "scan.png", huge});
    auto too_big = save(provider, big);
    ASSERT_FALSE(too_big.ok());
    EXPECT_NE(too_big.failure().fields.at(field).find("limite de 20 Mo"), std::string::npos);

    // A valid file with a level outside the scale: the whole form is refused, the file not kept.
    auto bad_level = input_with(criterion, grid_id, 9);
    bad_level.evidence_uploads.push_back({criterion, "photo.png", png});
    ASSERT_FALSE(save(provider, bad_level).ok());
    // A territory team may not rate, nor join files.
    auto by_team = input_with(criterion, grid_id, 2);
    by_team.evidence_uploads.push_back({criterion, "photo.png", png});
    auto forbidden = services::save_assessment(*db_, &team_b, "territoires-engagement", territory_b, 0, by_team, &storage);
    ASSERT_FALSE(forbidden.ok());
    EXPECT_EQ(forbidden.failure().kind, FailureKind::forbidden);

    EXPECT_EQ(files_on_disk(), 0u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM stored_files"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM assessments"), 0);
}
