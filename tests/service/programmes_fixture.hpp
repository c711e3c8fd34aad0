#pragma once
// The programme every programmes service test starts from: the default grid, the
// ANCT organiser, territories A (commune:42168) and B (epci:244200895), a provider of A
// and a team member of B, both invited.
#include "features/programmes/services/assessments.hpp"
#include "features/programmes/services/programme_admin.hpp"
#include "platform/core/source_dir.hpp"
#include "test_database.hpp"

namespace ateliers::test_support {


inline const services::MailContext programmes_mail{"https://ateliers.example"};

class ProgrammesTest : public test_support::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        auto grid = services::load_grid_file(*db_, source_dir() + "/data/programmes/grille-savoir-faire-v1.json");
        ASSERT_TRUE(grid.ok()) << grid.failure().message;
        grid_id = grid->id;
        organiser = person("anct", "commune:42168");
        organiser.roles = {"participant", "organiser"};
        store::ProgrammeRow p;
        p.slug = "territoires-engagement";
        p.title = "Territoires d’engagement";
        p.starts_year = 2025;
        auto id = services::create_programme(*db_, &organiser, p);
        ASSERT_TRUE(id.ok()) << id.failure().message;
        auto a = services::add_programme_territory(*db_, &organiser, p.slug, "commune:42168", false);
        ASSERT_TRUE(a.ok()) << a.failure().message;
        territory_a = a.value();
        auto b = services::add_programme_territory(*db_, &organiser, p.slug, "epci:244200895", false);
        ASSERT_TRUE(b.ok()) << b.failure().message;
        territory_b = b.value();
        provider = person("prestataire", "commune:42168");
        team_b = person("equipe-b", "commune:42168");
        ASSERT_TRUE(invite(provider.email, "provider", territory_a).ok());
        ASSERT_TRUE(invite(team_b.email, "territory_team", territory_b).ok());
    }

    Result<long long> invite(const std::string& email, const std::string& role, long long territory) {
        return services::invite_programme_member(*db_, &organiser, "territoires-engagement",
                                                 {email, role, territory, "Cabinet test"}, programmes_mail);
    }

    services::AssessmentInput input_with(long long criterion, long long version, std::optional<int> level) {
        services::AssessmentInput in;
        in.grid_version_id = grid_id;
        in.identity.history = "Bourg industriel du Pilat";
        in.answers.push_back({criterion, version, level, "https://exemple.fr/preuve", "Forces", "Lacunes"});
        return in;
    }

    long long grid_id = 0;
    long long territory_a = 0, territory_b = 0;
    services::CurrentUser organiser, provider, team_b;
};

}  // namespace ateliers::test_support
