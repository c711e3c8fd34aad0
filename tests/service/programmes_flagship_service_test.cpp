// A flagship action of a plan carried by a project of the Fabrique's method, against a
// real database: the people who edit the plan start the project from the action, the
// territory's team and providers find themselves on it with the right roles, an action
// is carried by one project at most, and another territory's project cannot be attached.
#include "features/programmes/services/flagship_projects.hpp"
#include "features/programmes/services/plans.hpp"
#include "features/projects/services/projects_service.hpp"
#include "programmes_fixture.hpp"

using namespace ateliers;

namespace {

class FlagshipProjectTest : public test_support::ProgrammesTest {
protected:
    long long flagship(const std::string& title, const std::string& kind = "projet_phare") {
        services::PlanActionInput in;
        in.title = title;
        in.description = "Une maison des projets ouverte aux habitants";
        in.kind = kind;
        in.years = {2};
        in.families = {"cooperer"};
        auto id = services::save_plan_action(*db_, &provider, slug, territory_a, in);
        EXPECT_TRUE(id.ok()) << id.failure().message;
        return id.ok() ? id.value() : 0;
    }
    const std::string slug = "territoires-engagement";
};

}  // namespace

TEST_F(FlagshipProjectTest, AProviderStartsTheProjectAndTheTerritoryPeopleAreOnIt) {
    const auto action = flagship("Maison des projets");
    ASSERT_TRUE(invite("equipe-a@pelussin.fr", "territory_team", territory_a).ok());
    auto started = services::start_action_project(*db_, &provider, slug, territory_a, action);
    ASSERT_TRUE(started.ok()) << started.failure().message;

    // The provider reviews it; the team writes it.
    auto file = services::project_file(*db_, provider, started.value());
    ASSERT_TRUE(file.ok()) << file.failure().message;
    EXPECT_EQ(file->project.title, "Maison des projets");
    EXPECT_EQ(file->project.territory_id, "commune:42168");
    EXPECT_EQ(file->project.plan_action_id, action);
    EXPECT_TRUE(projects::can_review(file->viewer));
    std::map<std::string, std::string> roles;
    for (const auto& m : file->members) roles[m.email] = m.role;
    EXPECT_EQ(roles["equipe-a@pelussin.fr"], "team");
    EXPECT_EQ(roles[provider.email], "advisor");
    EXPECT_EQ(roles.count(team_b.email), 0u);  // B's team has nothing to do with A's project

    // The action's page shows the project and where it stands.
    auto plan_action = services::open_plan_action(*db_, &provider, slug, territory_a, action);
    ASSERT_TRUE(plan_action.ok());
    auto shown = services::action_projects(*db_, "commune:42168", plan_action->action);
    ASSERT_TRUE(shown.ok());
    ASSERT_TRUE(shown->carried.has_value());
    EXPECT_EQ(shown->carried->project_id, started.value());
    EXPECT_EQ(shown->carried->stage, "Livrable 1 : En rédaction");

    // One project per action.
    auto again = services::start_action_project(*db_, &provider, slug, territory_a, action);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.failure().kind, FailureKind::conflict);
    EXPECT_EQ(count("SELECT COUNT(*) FROM projects"), 1);
}

TEST_F(FlagshipProjectTest, OnlyFlagshipsOfPlansOneMayEditCarryAProject) {
    const auto training = flagship("Former les élus", "formation");
    auto not_flagship = services::start_action_project(*db_, &provider, slug, territory_a, training);
    ASSERT_FALSE(not_flagship.ok());
    EXPECT_EQ(not_flagship.failure().kind, FailureKind::invalid);

    const auto action = flagship("Maison des projets");
    auto outsider = services::start_action_project(*db_, &team_b, slug, territory_a, action);
    ASSERT_FALSE(outsider.ok());
    EXPECT_EQ(outsider.failure().kind, FailureKind::forbidden);
    EXPECT_EQ(count("SELECT COUNT(*) FROM projects"), 0);
}

TEST_F(FlagshipProjectTest, AnExistingProjectOfTheSameCollectiviteIsAttachedOnce) {
    const auto action = flagship("Maison des projets");
    auto own = services::create_project(*db_, &organiser, {"Tiers-lieu du Pilat", "commune:42168", "", false});
    ASSERT_TRUE(own.ok()) << own.failure().message;
    auto elsewhere = services::create_project(*db_, &organiser, {"Projet de l’EPCI", "epci:244200895", "", false});
    ASSERT_TRUE(elsewhere.ok());

    auto offered = services::action_projects(*db_, "commune:42168",
                                             services::open_plan_action(*db_, &provider, slug, territory_a, action)->action);
    ASSERT_TRUE(offered.ok());
    ASSERT_EQ(offered->attachable.size(), 1u);  // only the commune's own project
    EXPECT_EQ(offered->attachable[0].project_id, own.value());

    auto wrong = services::attach_action_project(*db_, &provider, slug, territory_a, action, elsewhere.value());
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.failure().field, "project");
    ASSERT_TRUE(services::attach_action_project(*db_, &provider, slug, territory_a, action, own.value()).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM projects WHERE plan_action_id = " + std::to_string(action)), 1);

    const auto second = flagship("Budget participatif");
    auto taken = services::attach_action_project(*db_, &provider, slug, territory_a, second, own.value());
    ASSERT_FALSE(taken.ok());
    EXPECT_EQ(taken.failure().kind, FailureKind::conflict);
}
