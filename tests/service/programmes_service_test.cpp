// Programmes against a real database (SQLite, and PostgreSQL when ATELIERS_TEST_PG_URL
// is set): the default grid loads once, territories come from the referential, members
// are invited through the outbox, the diagnostic refuses a level outside the scale or a
// criterion of another grid version and keeps nothing, a territory cannot read another.
#include "features/programmes/services/programme_members.hpp"
#include "features/programmes/services/programme_overview.hpp"
#include "programmes_fixture.hpp"

using namespace ateliers;

using test_support::ProgrammesTest;
const auto& mail = test_support::programmes_mail;

TEST_F(ProgrammesTest, GridLoadsOnceAndKeepsItsVersion) {
    auto again = services::load_grid_file(*db_, source_dir() + "/data/programmes/grille-savoir-faire-v1.json");
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->id, grid_id);
    EXPECT_FALSE(again->created);
    EXPECT_EQ(count("SELECT COUNT(*) FROM grid_versions"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM grid_families"), 5);
    EXPECT_EQ(count("SELECT COUNT(*) FROM grid_levels"), 4);
    EXPECT_EQ(count("SELECT COUNT(*) FROM grid_criterion_levels"), 4 * count("SELECT COUNT(*) FROM grid_criteria"));
}

// What the API's programme list and an anonymous caller's view hold (GET /api/v1/programmes…).
TEST_F(ProgrammesTest, ListAndAnonymousOverviewShowThePublicPartOnly) {
    store::ProgrammeRow later;
    later.slug = "suite";
    later.title = "Suite";
    later.starts_year = 2028;
    ASSERT_TRUE(services::create_programme(*db_, &organiser, later).ok());
    auto list = services::programme_list(*db_);
    ASSERT_TRUE(list.ok()) << list.failure().message;
    ASSERT_EQ(list->size(), 2u);
    EXPECT_EQ(list->at(0).slug, "suite") << "the latest first";
    EXPECT_EQ(list->at(1).slug, "territoires-engagement");

    auto anonymous = services::programme_overview(*db_, nullptr, "territoires-engagement");
    ASSERT_TRUE(anonymous.ok()) << anonymous.failure().message;
    EXPECT_FALSE(anonymous->manages);
    ASSERT_EQ(anonymous->territories.size(), 2u);
    for (const auto& t : anonymous->territories) {
        EXPECT_FALSE(t.can_open);
        EXPECT_TRUE(t.stage.empty());
    }
    auto missing = services::programme_overview(*db_, nullptr, "inconnu");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.failure().kind, FailureKind::not_found);
}

TEST_F(ProgrammesTest, InvitationsGoThroughTheOutboxOnce) {
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'prestataire@exemple.fr'"), 1);
    auto twice = invite(provider.email, "provider", territory_a);
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.failure().kind, FailureKind::conflict);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'prestataire@exemple.fr'"), 1);
    // A manager has no territory; a provider must have one.
    EXPECT_FALSE(invite("chef@anct.fr", "manager", territory_a).ok());
    EXPECT_FALSE(invite("x@exemple.fr", "provider", 0).ok());
    EXPECT_TRUE(invite("chef@anct.fr", "manager", 0).ok());
    // Only the programme's team invites.
    auto by_provider = services::invite_programme_member(*db_, &provider, "territoires-engagement",
                                                         {"y@exemple.fr", "provider", territory_a, ""}, mail);
    ASSERT_FALSE(by_provider.ok());
    EXPECT_EQ(by_provider.failure().kind, FailureKind::forbidden);
}

TEST_F(ProgrammesTest, TerritoriesComeFromTheReferentialOnce) {
    auto unknown = services::add_programme_territory(*db_, &organiser, "territoires-engagement", "commune:00000", false);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.failure().field, "collectivite_id");
    auto twice = services::add_programme_territory(*db_, &organiser, "territoires-engagement", "commune:42168", false);
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.failure().kind, FailureKind::conflict);
}

TEST_F(ProgrammesTest, ProviderFillsTheDiagnosticAndScoresFollow) {
    auto view = services::open_assessment(*db_, &provider, "territoires-engagement", territory_a, 0);
    ASSERT_TRUE(view.ok()) << view.failure().message;
    EXPECT_TRUE(view->can_edit);
    EXPECT_EQ(view->assessment.id, 0);
    const auto& criterion = view->grid.criteria.front();
    auto saved = services::save_assessment(*db_, &provider, "territoires-engagement", territory_a, 0,
                                           input_with(criterion.id, grid_id, 3));
    ASSERT_TRUE(saved.ok()) << saved.failure().message;
    auto after = services::open_assessment(*db_, &provider, "territoires-engagement", territory_a, 0);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->assessment.history, "Bourg industriel du Pilat");
    ASSERT_EQ(after->answers.count(criterion.id), 1u);
    EXPECT_EQ(after->answers.at(criterion.id).evidence, "https://exemple.fr/preuve");
    EXPECT_DOUBLE_EQ(*after->scores.front().percent, 75.0);
}

TEST_F(ProgrammesTest, BadLevelsAndForeignCriteriaAreRefusedAndNothingIsKept) {
    auto view = services::open_assessment(*db_, &provider, "territoires-engagement", territory_a, 0);
    ASSERT_TRUE(view.ok());
    const long long criterion = view->grid.criteria.front().id;
    auto too_high = services::save_assessment(*db_, &provider, "territoires-engagement", territory_a, 0,
                                              input_with(criterion, grid_id, 5));
    ASSERT_FALSE(too_high.ok());
    EXPECT_EQ(too_high.failure().kind, FailureKind::invalid);
    EXPECT_NE(too_high.failure().fields.at("level_" + std::to_string(criterion)).find("entre 1 et 4"), std::string::npos);
    auto foreign = services::save_assessment(*db_, &provider, "territoires-engagement", territory_a, 0,
                                             input_with(criterion, grid_id + 1000, 2));
    ASSERT_FALSE(foreign.ok());
    EXPECT_NE(foreign.failure().fields.begin()->second.find("autre version"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM assessments"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM assessment_answers"), 0);
}

TEST_F(ProgrammesTest, PermissionsHoldAcrossTerritories) {
    // Territory B's team cannot read A; A's provider cannot read B; B's team cannot rate.
    auto b_reads_a = services::open_assessment(*db_, &team_b, "territoires-engagement", territory_a, 0);
    ASSERT_FALSE(b_reads_a.ok());
    EXPECT_EQ(b_reads_a.failure().kind, FailureKind::forbidden);
    auto provider_reads_b = services::open_assessment(*db_, &provider, "territoires-engagement", territory_b, 0);
    ASSERT_FALSE(provider_reads_b.ok());
    auto b_reads_b = services::open_assessment(*db_, &team_b, "territoires-engagement", territory_b, 0);
    ASSERT_TRUE(b_reads_b.ok());
    EXPECT_FALSE(b_reads_b->can_edit);
    const long long criterion = b_reads_b->grid.criteria.front().id;
    auto b_rates = services::save_assessment(*db_, &team_b, "territoires-engagement", territory_b, 0,
                                             input_with(criterion, grid_id, 2));
    ASSERT_FALSE(b_rates.ok());
    EXPECT_EQ(b_rates.failure().kind, FailureKind::forbidden);
}

TEST_F(ProgrammesTest, TheAnctRevokesARoleAndTheTerritoryClosesAtOnce) {
    ASSERT_TRUE(services::open_assessment(*db_, &provider, "territoires-engagement", territory_a, 0).ok());
    auto forbidden = services::programme_members_view(*db_, provider, "territoires-engagement");
    ASSERT_FALSE(forbidden.ok());
    EXPECT_EQ(forbidden.failure().kind, FailureKind::forbidden);
    auto view = services::programme_members_view(*db_, organiser, "territoires-engagement");
    ASSERT_TRUE(view.ok());
    ASSERT_EQ(view->members.size(), 2u);
    long long provider_member = 0;
    for (const auto& m : view->members)
        if (m.email == provider.email) provider_member = m.id;
    ASSERT_NE(provider_member, 0);
    auto by_provider = services::revoke_programme_member(*db_, provider, "territoires-engagement", provider_member);
    ASSERT_FALSE(by_provider.ok());
    EXPECT_EQ(by_provider.failure().kind, FailureKind::forbidden);
    ASSERT_TRUE(services::revoke_programme_member(*db_, organiser, "territoires-engagement", provider_member).ok());
    auto closed = services::open_assessment(*db_, &provider, "territoires-engagement", territory_a, 0);
    ASSERT_FALSE(closed.ok());
    EXPECT_EQ(closed.failure().kind, FailureKind::forbidden);
    auto again = services::revoke_programme_member(*db_, organiser, "territoires-engagement", provider_member);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.failure().kind, FailureKind::not_found);
}
