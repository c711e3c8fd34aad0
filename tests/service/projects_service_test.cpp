// The project method against a real database (SQLite, and PostgreSQL when
// ATELIERS_TEST_PG_URL is set): two co-authors saving the same draft, submission freezes a
// version, the next stage opens on validation only, rights and bad input.
#include "features/projects/services/deliverables_service.hpp"
#include "features/projects/services/projects_service.hpp"
#include "test_database.hpp"

using namespace ateliers;

namespace {

class ProjectsTest : public test_support::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        organiser = person("orga", "commune:42168");
        organiser.roles = {"participant", "organiser"};
        alice = person("alice", "epci:244200622");
        bruno = person("bruno", "epci:244200622");
        advisor = person("conseil", "commune:42168");
        outsider = person("ailleurs", "epci:244200895");
        auto id = services::create_project(*db_, &organiser, {"Management par la coopération", "epci:244200622", "", false});
        ASSERT_TRUE(id.ok()) << id.failure().message;
        project = id.value();
        ASSERT_TRUE(services::add_project_member(*db_, &organiser, project, "Alice@exemple.fr", "team").ok());
        ASSERT_TRUE(services::add_project_member(*db_, &organiser, project, "bruno@exemple.fr", "team").ok());
        ASSERT_TRUE(services::add_project_member(*db_, &organiser, project, "conseil@exemple.fr", "advisor").ok());
        auto file = services::project_file(*db_, alice, project);
        ASSERT_TRUE(file.ok()) << file.failure().message;
        for (const auto& d : file->deliverables) {
            std::vector<long long> ids;
            for (const auto& q : d.questions) ids.push_back(q.question.id);
            questions.push_back(ids);
        }
    }

    services::CurrentUser organiser, alice, bruno, advisor, outsider;
    long long project = 0;
    std::vector<std::vector<long long>> questions;  // per deliverable
};

TEST_F(ProjectsTest, QuestionsComeFromTheSeedWordForWord) {
    ASSERT_EQ(questions.size(), 3u);
    EXPECT_EQ(questions[0].size(), 4u);
    EXPECT_EQ(questions[1].size(), 5u);
    EXPECT_EQ(questions[2].size(), 4u);
    auto file = services::project_file(*db_, alice, project);
    ASSERT_TRUE(file.ok());
    EXPECT_EQ(file->deliverables[0].questions[0].question.text, "Nature du projet et thèmes associés :");
    EXPECT_EQ(file->deliverables[0].title, "Livrable 1 : la note d’intention");
    EXPECT_EQ(file->deliverables[0].state, projects::StageState::draft);
    EXPECT_EQ(file->deliverables[1].state, projects::StageState::locked);
    // Loading the set again adds nothing.
    ASSERT_TRUE(services::ensure_question_set(*db_, services::default_question_set_path()).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM deliverable_questions"), 13);
}

TEST_F(ProjectsTest, TheSecondCoAuthorSavingAStaleDraftIsToldAndKeepsNothingLost) {
    const auto q = questions[0][0];
    auto first = services::save_answer(*db_, alice, project, 1, q, "Texte d’Alice", 0);
    ASSERT_TRUE(first.ok()) << first.failure().message;
    EXPECT_EQ(first->version, 1);
    // Bruno opened the page before Alice saved: he still holds version 0.
    auto stale = services::save_answer(*db_, bruno, project, 1, q, "Texte de Bruno", 0);
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.failure().kind, FailureKind::conflict);
    EXPECT_NE(stale.failure().message.find("pendant que vous écriviez"), std::string::npos);
    auto file = services::project_file(*db_, bruno, project);
    EXPECT_EQ(file->deliverables[0].questions[0].draft.text, "Texte d’Alice");
    // Having read Alice's text, he saves on top of version 1.
    auto merged = services::save_answer(*db_, bruno, project, 1, q, "Texte d’Alice et de Bruno", 1);
    ASSERT_TRUE(merged.ok()) << merged.failure().message;
    EXPECT_EQ(merged->version, 2);
}

TEST_F(ProjectsTest, SubmissionFreezesAVersionAndValidationOpensTheNextStage) {
    ASSERT_TRUE(services::save_answer(*db_, alice, project, 1, questions[0][0], "Première rédaction", 0).ok());
    auto v1 = services::submit_deliverable(*db_, alice, project, 1);
    ASSERT_TRUE(v1.ok()) << v1.failure().message;
    EXPECT_EQ(v1.value(), 1);
    // Frozen: no more writing until the advisor sends it back.
    auto late = services::save_answer(*db_, bruno, project, 1, questions[0][0], "Trop tard", 1);
    EXPECT_EQ(late.failure().kind, FailureKind::conflict);
    EXPECT_EQ(services::submit_deliverable(*db_, alice, project, 1).failure().kind, FailureKind::conflict);
    // The advisor sends it back with a comment.
    ASSERT_TRUE(services::review_deliverable(*db_, advisor, project, 1, {{questions[0][0], "Précisez les thèmes."}}, false).ok());
    ASSERT_TRUE(services::save_answer(*db_, alice, project, 1, questions[0][0], "Seconde rédaction plus précise", 1).ok());
    auto v2 = services::submit_deliverable(*db_, alice, project, 1);
    ASSERT_TRUE(v2.ok()) << v2.failure().message;
    EXPECT_EQ(v2.value(), 2);
    // Version 1 is unchanged by the later draft.
    auto diff = services::compare_submissions(*db_, alice, project, 1, 1, 2);
    ASSERT_TRUE(diff.ok()) << diff.failure().message;
    EXPECT_TRUE(diff->at(0).changed);
    EXPECT_FALSE(diff->at(1).changed);
    auto file = services::project_file(*db_, alice, project);
    EXPECT_EQ(file->deliverables[1].state, projects::StageState::locked);
    ASSERT_TRUE(services::review_deliverable(*db_, advisor, project, 1, {}, true).ok());
    file = services::project_file(*db_, alice, project);
    EXPECT_EQ(file->deliverables[0].state, projects::StageState::validated);
    EXPECT_EQ(file->deliverables[1].state, projects::StageState::draft);
    EXPECT_EQ(file->deliverables[2].state, projects::StageState::locked);
    EXPECT_EQ(file->deliverables[0].questions[0].last_submitted.text, "Seconde rédaction plus précise");
}

TEST_F(ProjectsTest, BadInputAndMissingRightsAreRefusedInFrench) {
    const std::string long_text(projects::max_answer_chars + 1, 'a');
    auto too_long = services::save_answer(*db_, alice, project, 1, questions[0][0], long_text, 0);
    EXPECT_EQ(too_long.failure().kind, FailureKind::invalid);
    EXPECT_NE(too_long.failure().message.find("dépasse"), std::string::npos);
    // Stage 2 is not open yet.
    auto early = services::save_answer(*db_, alice, project, 2, questions[1][0], "Trop tôt", 0);
    EXPECT_EQ(early.failure().kind, FailureKind::conflict);
    auto early_submit = services::submit_deliverable(*db_, alice, project, 2);
    EXPECT_NE(early_submit.failure().message.find("pas encore ouvert"), std::string::npos);
    // A team member cannot review; an advisor cannot write; a question of another stage is unknown.
    ASSERT_TRUE(services::save_answer(*db_, alice, project, 1, questions[0][1], "Enjeux", 0).ok());
    ASSERT_TRUE(services::submit_deliverable(*db_, alice, project, 1).ok());
    EXPECT_EQ(services::review_deliverable(*db_, bruno, project, 1, {}, true).failure().kind, FailureKind::forbidden);
    EXPECT_EQ(services::save_answer(*db_, advisor, project, 1, questions[0][0], "x", 0).failure().kind, FailureKind::forbidden);
    EXPECT_EQ(services::submit_deliverable(*db_, bruno, project, 1).failure().kind, FailureKind::conflict);
    // Nothing was lost or changed by the refusals.
    auto file = services::project_file(*db_, alice, project);
    EXPECT_EQ(file->deliverables[0].state, projects::StageState::submitted);
    EXPECT_EQ(file->deliverables[0].questions[1].draft.text, "Enjeux");
    // Only organisers create projects; the territory must exist.
    EXPECT_EQ(services::create_project(*db_, &alice, {"X", "epci:244200622", "", false}).failure().kind, FailureKind::forbidden);
    EXPECT_EQ(services::create_project(*db_, &organiser, {"X", "epci:000", "", false}).failure().field, "territory_id");
    EXPECT_EQ(services::add_project_member(*db_, &organiser, project, "pas-une-adresse", "team").failure().field, "email");
    EXPECT_EQ(services::add_project_member(*db_, &organiser, project, "alice@exemple.fr", "team").failure().kind,
              FailureKind::conflict);
}

TEST_F(ProjectsTest, ATerritorySeesOnlyItsProjects) {
    auto other = services::create_project(*db_, &organiser, {"Autre projet", "epci:244200895", "", false});
    ASSERT_TRUE(other.ok());
    auto mine = services::visible_projects(*db_, alice);
    ASSERT_TRUE(mine.ok());
    ASSERT_EQ(mine->size(), 1u);
    EXPECT_EQ(mine->at(0).project.id, project);
    EXPECT_EQ(services::visible_projects(*db_, outsider)->size(), 1u);
    EXPECT_EQ(services::visible_projects(*db_, outsider)->at(0).project.id, other.value());
    EXPECT_EQ(services::visible_projects(*db_, advisor)->size(), 1u);
    EXPECT_EQ(services::visible_projects(*db_, organiser)->size(), 2u);
    EXPECT_EQ(services::project_file(*db_, outsider, project).failure().kind, FailureKind::forbidden);
}

}  // namespace
