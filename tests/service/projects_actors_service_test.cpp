// Who is around the table, the cooperation log and the value sessions against a real
// database (SQLite, and PostgreSQL when ATELIERS_TEST_PG_URL is set): the four fantastiques
// counted from stored actors, every field checked with nothing half saved, links only
// between the project's own actors, removal taking the links along, rights, the
// comparison of value sessions in the dimension set's order.
#include "features/projects/services/actors_service.hpp"
#include "features/projects/services/cooperation_service.hpp"
#include "features/projects/services/projects_service.hpp"
#include "test_database.hpp"

using namespace ateliers;

namespace {

class ProjectActorsTest : public test_support::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        organiser = person("orga", "commune:42168");
        organiser.roles = {"participant", "organiser"};
        alice = person("alice", "epci:244200622");
        advisor = person("conseil", "commune:42168");
        outsider = person("ailleurs", "epci:244200895");
        auto id = services::create_project(*db_, &organiser, {"Management par la coopération", "epci:244200622", "", false});
        ASSERT_TRUE(id.ok()) << id.failure().message;
        project = id.value();
        ASSERT_TRUE(services::add_project_member(*db_, &organiser, project, "alice@exemple.fr", "team").ok());
        ASSERT_TRUE(services::add_project_member(*db_, &organiser, project, "conseil@exemple.fr", "advisor").ok());
    }

    long long actor(const std::string& name, const std::string& category, const std::string& actant = "") {
        auto id = services::add_project_actor(*db_, &alice, project, {name, "organisation", category, actant, "2", "3", "soutien", ""});
        EXPECT_TRUE(id.ok()) << id.failure().message;
        return id.ok() ? id.value() : 0;
    }

    services::CurrentUser organiser, alice, advisor, outsider;
    long long project = 0;
};

TEST_F(ProjectActorsTest, TheFourFantastiquesAreCountedFromTheActors) {
    auto empty = services::project_actor_map(*db_, alice, project);
    ASSERT_TRUE(empty.ok());
    EXPECT_EQ(empty->missing.size(), 4u);
    actor("Maire de la commune centre", "elu", "destinateur");
    actor("Chargée de mission transition", "agent", "sujet");
    actor("Sous-préfecture", "etat_territorial", "adjuvant");
    auto three = services::project_actor_map(*db_, advisor, project);
    ASSERT_TRUE(three.ok());
    EXPECT_EQ(three->missing, std::vector<projects::ActorCategory>{projects::ActorCategory::acteur_socio_economique});
    auto listed = services::visible_projects(*db_, organiser);
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ(listed->front().missing_fantastiques.size(), 1u);
    actor("Coopérative agricole", "acteur_socio_economique", "adjuvant");
    auto four = services::project_actor_map(*db_, alice, project);
    ASSERT_TRUE(four.ok());
    EXPECT_TRUE(four->missing.empty());
    EXPECT_EQ(four->layout.nodes.size(), 4u);
}

TEST_F(ProjectActorsTest, EveryWrongFieldIsNamedAndNothingIsSaved) {
    auto bad = services::add_project_actor(*db_, &alice, project,
                                           {"", "robot", "maire", "heros", "0", "9", "pour", std::string(5000, 'x')});
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.failure().kind, FailureKind::invalid);
    for (const char* f : {"name", "kind", "category", "actant", "influence", "interest", "stance", "notes"})
        EXPECT_TRUE(bad.failure().fields.count(f)) << f;
    EXPECT_EQ(count("SELECT COUNT(*) FROM project_actors"), 0);
}

TEST_F(ProjectActorsTest, LinksJoinTwoActorsOfTheProjectAndGoWithThem) {
    const auto a = actor("Élus", "elu", "destinateur");
    const auto b = actor("Agents", "agent", "sujet");
    auto self = services::add_project_actor_link(*db_, &alice, project, {std::to_string(a), std::to_string(a), "influence", "", ""});
    ASSERT_FALSE(self.ok());
    EXPECT_TRUE(self.failure().fields.count("to"));
    auto no_step = services::add_project_actor_link(*db_, &alice, project, {std::to_string(a), std::to_string(b), "action", "", ""});
    ASSERT_FALSE(no_step.ok());
    EXPECT_TRUE(no_step.failure().fields.count("step"));

    // An actor of another project cannot be linked to.
    auto other = services::create_project(*db_, &organiser, {"Autre projet", "epci:244200895", "", false});
    ASSERT_TRUE(other.ok());
    auto foreign = services::add_project_actor(*db_, nullptr, other.value(), {"Ailleurs", "person", "elu", "", "1", "1", "neutre", ""});
    ASSERT_TRUE(foreign.ok());
    auto across = services::add_project_actor_link(*db_, &alice, project,
                                                   {std::to_string(a), std::to_string(foreign.value()), "influence", "", ""});
    ASSERT_FALSE(across.ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM project_actor_links"), 0);

    auto ok = services::add_project_actor_link(*db_, &alice, project, {std::to_string(b), std::to_string(a), "action", "0", "Interpeller"});
    ASSERT_TRUE(ok.ok()) << ok.failure().message;
    auto map = services::project_actor_map(*db_, alice, project);
    ASSERT_TRUE(map.ok());
    ASSERT_EQ(map->links.size(), 1u);
    EXPECT_EQ(map->links[0].step, 0);
    EXPECT_EQ(map->layout.links.size(), 1u);

    ASSERT_TRUE(services::move_project_actor(*db_, alice, project, a, "30", "900").ok());
    EXPECT_FALSE(services::move_project_actor(*db_, alice, project, a, "-1", "x").ok());
    map = services::project_actor_map(*db_, alice, project);
    EXPECT_EQ(map->actors[1].x, 30);  // by name: Agents, Élus

    ASSERT_TRUE(services::remove_project_actor(*db_, alice, project, a).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM project_actor_links"), 0);
    EXPECT_EQ(services::remove_project_actor(*db_, alice, project, a).failure().kind, FailureKind::not_found);
}

TEST_F(ProjectActorsTest, OnlyTheTeamWritesAndOnlyThoseWhoSeeTheProjectRead) {
    auto by_advisor = services::add_project_actor(*db_, &advisor, project, {"Intrus", "person", "elu", "", "1", "1", "neutre", ""});
    ASSERT_FALSE(by_advisor.ok());
    EXPECT_EQ(by_advisor.failure().kind, FailureKind::forbidden);
    EXPECT_EQ(services::project_actor_map(*db_, outsider, project).failure().kind, FailureKind::forbidden);
    EXPECT_EQ(services::project_cooperation_log(*db_, outsider, project).failure().kind, FailureKind::forbidden);
    EXPECT_EQ(services::project_value(*db_, outsider, project).failure().kind, FailureKind::forbidden);
    auto log = services::add_cooperation_entry(*db_, &advisor, project, {"2025-03-14", "differend", "Un désaccord", ""});
    EXPECT_EQ(log.failure().kind, FailureKind::forbidden);
    EXPECT_EQ(services::agency_projects(*db_, alice).failure().kind, FailureKind::forbidden);
    EXPECT_TRUE(services::agency_projects(*db_, organiser).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM project_actors") + count("SELECT COUNT(*) FROM project_cooperation_log"), 0);
}

TEST_F(ProjectActorsTest, TheCooperationLogIsDatedAndRefusesAnImpossibleDay) {
    auto bad = services::add_cooperation_entry(*db_, &alice, project, {"31/02/2025", "espace_reflexif", "", ""});
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.failure().fields.count("happened_on"));
    EXPECT_TRUE(bad.failure().fields.count("title"));
    ASSERT_TRUE(services::add_cooperation_entry(*db_, &alice, project, {"14/03/2025", "espace_reflexif", "Espace des agents", "Récit"}).ok());
    ASSERT_TRUE(services::add_cooperation_entry(*db_, &alice, project, {"2025-09-02", "groupe_de_pairs", "Groupe des DGS", ""}).ok());
    auto log = services::project_cooperation_log(*db_, advisor, project);
    ASSERT_TRUE(log.ok());
    ASSERT_EQ(log->entries.size(), 2u);
    EXPECT_EQ(log->entries[0].happened_on, "2025-09-02");  // most recent first
    EXPECT_EQ(log->entries[1].happened_on, "2025-03-14");
    EXPECT_EQ(log->entries[1].written_by, alice.full_name.empty() ? alice.email : alice.full_name);
}

TEST_F(ProjectActorsTest, ValueSessionsAreComparedInTheSetsOrder) {
    services::ValueSessionInput empty{"2025-03-01", "Équipe", "", {}};
    auto refused = services::add_value_session(*db_, &alice, project, empty);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.failure().fields.count("observed"));
    EXPECT_EQ(count("SELECT COUNT(*) FROM project_value_sessions"), 0);

    services::ValueSessionInput first{"2025-03-01", "Équipe, élus", "Continuer.", {}};
    first.entries["confiance"] = {"", "", "Timide", "", "", ""};
    first.entries["cooperation"] = {"", "", "Deux groupes de pairs", "CR", "Groupes actifs", "2"};
    ASSERT_TRUE(services::add_value_session(*db_, &alice, project, first).ok());
    services::ValueSessionInput second{"2025-09-01", "Équipe, élus, DGS", "", {}};
    second.entries["cooperation"] = {"", "", "Cinq groupes", "", "Groupes actifs", "5"};
    ASSERT_TRUE(services::add_value_session(*db_, &alice, project, second).ok());

    auto value = services::project_value(*db_, advisor, project);
    ASSERT_TRUE(value.ok()) << value.failure().message;
    ASSERT_EQ(value->sessions.size(), 2u);
    EXPECT_EQ(value->sessions[0].dimension_set, "valeur-v1");
    ASSERT_EQ(value->sessions[0].entries.size(), 2u);
    EXPECT_EQ(value->sessions[0].entries[0].dimension, "cooperation");  // the set's order, not the code's
    EXPECT_EQ(value->sessions[0].entries[0].label, "Coopération");
    ASSERT_EQ(value->comparison.size(), 2u);
    EXPECT_EQ(value->comparison[0].dimension, "cooperation");
    EXPECT_EQ(value->comparison[0].cells[1].indicator_value, "5");
    EXPECT_EQ(value->comparison[1].dimension, "confiance");
    EXPECT_FALSE(value->comparison[1].cells[1].discussed);
}

}  // namespace
