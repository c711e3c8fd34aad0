// Choosing the grid version of a diagnostic or a review, against a real database: the
// newest version is the default; the ANCT may start on an older one, nobody else; once
// started an assessment keeps its version and its answers whatever is loaded later; a
// review rated on a newer version is still compared family by family with the diagnostic;
// the dashboard says which version each territory's assessments use.
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "features/programmes/services/programme_overview.hpp"
#include "features/programmes/services/reviews.hpp"
#include "programmes_fixture.hpp"

using namespace ateliers;

namespace {

class ProgrammeGridVersionsTest : public test_support::ProgrammesTest {
protected:
    const std::string slug = "territoires-engagement";

    // Version 2 of the grid: the first family loses its last criterion.
    long long load_version_2() {
        std::ifstream in(source_dir() + "/data/programmes/grille-savoir-faire-v1.json");
        auto doc = nlohmann::json::parse(in);
        doc["version"] = 2;
        doc["title"] = "Grille de l’agence";
        doc["default"] = false;
        doc["families"][0]["criteria"].erase(doc["families"][0]["criteria"].size() - 1);
        const auto path = std::filesystem::temp_directory_path() /
                          ("grille-v2-" + std::to_string(::getpid()) + "-" + std::to_string(grid_id) + ".json");
        std::ofstream(path) << doc.dump();
        auto id = services::load_grid_file(*db_, path.string());
        std::filesystem::remove(path);
        EXPECT_TRUE(id.ok()) << id.failure().message;
        EXPECT_TRUE(id.ok() && id->created);
        return id.ok() ? id->id : 0;
    }

    // Every criterion of the first family of `view`'s grid at `level`.
    services::AssessmentInput first_family_at(const services::AssessmentView& view, int level) {
        services::AssessmentInput in;
        in.grid_version_id = view.grid.id;
        const auto family = view.grid.families.front().code;
        for (const auto& c : view.grid.criteria)
            if (c.family_code == family) in.answers.push_back({c.id, view.grid.id, level, "", "", ""});
        return in;
    }
};

}  // namespace

TEST_F(ProgrammeGridVersionsTest, NewAssessmentsTakeTheNewestAndOnlyTheAnctChooses) {
    const long long v2 = load_version_2();
    auto by_provider = services::open_assessment(*db_, &provider, slug, territory_a, 0, grid_id);
    ASSERT_TRUE(by_provider.ok()) << by_provider.failure().message;
    EXPECT_EQ(by_provider->grid.id, v2) << "a provider asking for v1 is shown the newest";
    EXPECT_TRUE(by_provider->versions.empty());

    auto by_anct = services::open_assessment(*db_, &organiser, slug, territory_a, 0);
    ASSERT_TRUE(by_anct.ok()) << by_anct.failure().message;
    EXPECT_EQ(by_anct->grid.id, v2);
    ASSERT_EQ(by_anct->versions.size(), 2u);
    EXPECT_EQ(by_anct->versions.front().version, 2) << "newest first";

    auto unknown = services::open_assessment(*db_, &organiser, slug, territory_a, 0, 999999);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.failure().kind, FailureKind::invalid);

    // A provider's form made on v1 (before v2 was loaded) is refused and nothing is kept.
    auto on_v1 = services::open_assessment(*db_, &organiser, slug, territory_a, 0, grid_id);
    ASSERT_TRUE(on_v1.ok()) << on_v1.failure().message;
    auto stale = services::save_assessment(*db_, &provider, slug, territory_a, 0, first_family_at(on_v1.value(), 2));
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.failure().kind, FailureKind::conflict);
    EXPECT_EQ(count("SELECT COUNT(*) FROM assessments"), 0);
}

TEST_F(ProgrammeGridVersionsTest, AnAssessmentStartedOnAnOlderVersionKeepsItAndItsAnswers) {
    const long long v2 = load_version_2();
    auto on_v1 = services::open_assessment(*db_, &organiser, slug, territory_a, 0, grid_id);
    ASSERT_TRUE(on_v1.ok()) << on_v1.failure().message;
    ASSERT_EQ(on_v1->grid.id, grid_id);
    const auto in = first_family_at(on_v1.value(), 2);
    ASSERT_EQ(in.answers.size(), 3u) << "v1's first family has three criteria";
    auto saved = services::save_assessment(*db_, &organiser, slug, territory_a, 0, in);
    ASSERT_TRUE(saved.ok()) << saved.failure().message;

    // Whoever opens it, whatever they ask for: v1, with its answers.
    for (const auto* who : {&organiser, &provider}) {
        auto again = services::open_assessment(*db_, who, slug, territory_a, 0, v2);
        ASSERT_TRUE(again.ok()) << again.failure().message;
        EXPECT_EQ(again->grid.id, grid_id);
        EXPECT_EQ(again->answers.size(), 3u);
        EXPECT_TRUE(again->versions.empty()) << "no choice once started";
    }
    // A form posted on v2 for it is refused: the answers stay on v1.
    auto other = in;
    other.grid_version_id = v2;
    auto refused = services::save_assessment(*db_, &provider, slug, territory_a, 0, other);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.failure().kind, FailureKind::conflict);
    EXPECT_EQ(count("SELECT COUNT(*) FROM assessment_answers WHERE grid_version_id = " + std::to_string(grid_id)), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM assessment_answers WHERE grid_version_id = " + std::to_string(v2)), 0);

    // The dashboard counts the diagnostic out of v1's criteria and names the version.
    auto overview = services::programme_overview(*db_, &organiser, slug);
    ASSERT_TRUE(overview.ok()) << overview.failure().message;
    for (const auto& t : overview->territories) {
        if (t.territory.id != territory_a) continue;
        EXPECT_EQ(t.diagnostic_grid_version, 1);
        EXPECT_EQ(t.latest_grid_version, 1);
        EXPECT_EQ(t.stage, "Diagnostic en cours (3/" + std::to_string(count("SELECT COUNT(*) FROM grid_criteria WHERE "
                                                                               "grid_version_id = " +
                                                                               std::to_string(grid_id))) +
                               ")");
    }
}

TEST_F(ProgrammeGridVersionsTest, AReviewOnANewerVersionIsComparedFamilyByFamily) {
    auto diagnostic = services::open_assessment(*db_, &provider, slug, territory_a, 0);
    ASSERT_TRUE(diagnostic.ok());
    ASSERT_TRUE(services::save_assessment(*db_, &provider, slug, territory_a, 0, first_family_at(diagnostic.value(), 1)).ok());
    const long long v2 = load_version_2();
    auto review = services::open_assessment(*db_, &provider, slug, territory_a, 1);
    ASSERT_TRUE(review.ok());
    ASSERT_EQ(review->grid.id, v2);
    ASSERT_TRUE(services::save_assessment(*db_, &provider, slug, territory_a, 1, first_family_at(review.value(), 3)).ok());

    auto v = services::open_review(*db_, &provider, slug, territory_a, 1);
    ASSERT_TRUE(v.ok()) << v.failure().message;
    ASSERT_EQ(v->changes.size(), 5u);
    EXPECT_DOUBLE_EQ(*v->changes.front().before, 25.0);  // 1 of 4 on v1's three criteria
    EXPECT_DOUBLE_EQ(*v->changes.front().after, 75.0);   // 3 of 4 on v2's two criteria
    EXPECT_DOUBLE_EQ(*v->changes.front().delta, 50.0);
    EXPECT_EQ(v->previous_grid_version, 1);
    EXPECT_EQ(v->grid_version, 2);

    auto overview = services::programme_overview(*db_, &organiser, slug);
    ASSERT_TRUE(overview.ok());
    for (const auto& t : overview->territories)
        if (t.territory.id == territory_a) {
            EXPECT_EQ(t.diagnostic_grid_version, 1);
            EXPECT_EQ(t.latest_grid_version, 2);
        }
}
