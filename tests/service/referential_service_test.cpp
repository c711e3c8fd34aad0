#include "platform/core/paris_time.hpp"
#include "features/cycles/services/catalogue.hpp"
#include "features/cycles/demo/demo_cycles.hpp"
#include "platform/referential/collectivites.hpp"
#include "test_database.hpp"

using namespace ateliers;

class ReferentialTest : public test_support::DatabaseTest {};

TEST_F(ReferentialTest, ImportKeepsCurrentCommunesEpciAndTheirLinks) {
    EXPECT_EQ(count("SELECT COUNT(*) FROM collectivites WHERE kind = 'commune'"), 8) << "commune déléguée skipped";
    EXPECT_EQ(count("SELECT COUNT(*) FROM collectivites WHERE kind = 'epci'"), 2);
    soci::session sql(db_->pool());
    auto pelussin = store::find_collectivite(sql, "commune:42168");
    ASSERT_TRUE(pelussin.has_value());
    EXPECT_EQ(pelussin->name, "Pélussin");
    EXPECT_EQ(pelussin->population, 3727);
    EXPECT_EQ(pelussin->size_class, "commune_medium");
    EXPECT_EQ(pelussin->departement_name, "Loire");
    EXPECT_EQ(count("SELECT COUNT(*) FROM collectivites WHERE id = 'commune:42168' AND epci_id = 'epci:244200895'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM collectivites WHERE id = 'commune:97411' AND zone = 'drom'"), 1);
    auto epci = store::find_collectivite(sql, "epci:244200895");
    ASSERT_TRUE(epci.has_value());
    EXPECT_EQ(epci->epci_type, "CC");
    EXPECT_EQ(epci->departement_code, "42");
    EXPECT_EQ(epci->region_code, "84");
}

TEST_F(ReferentialTest, ImportIsIdempotent) {
    ASSERT_TRUE(store::import_referential(*db_, test_support::fixture_dir("referential")).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM collectivites"), 8 + 2 + 5 + 3);
}

TEST_F(ReferentialTest, SearchFindsByAccentlessNameCodeAndSiren) {
    soci::session sql(db_->pool());
    struct Case {
        const char* query;
        const char* first_id;
    } cases[] = {{"pelussin", "commune:42168"},        {"Pélussin", "commune:42168"},
                 {"42168", "commune:42168"},           {"244200895", "epci:244200895"},
                 {"CC du Pilat Rhodanien", "epci:244200895"}, {"saint etienne", "commune:42218"},
                 {"Pilat", "epci:244200895"}};
    for (const auto& c : cases) {
        auto found = store::search_collectivites(sql, c.query, 5);
        ASSERT_FALSE(found.empty()) << c.query;
        EXPECT_EQ(found.front().id, c.first_id) << c.query;
    }
    EXPECT_TRUE(store::search_collectivites(sql, "zzzz", 5).empty());
}

TEST_F(ReferentialTest, DemoSeedPlacesTheSixCyclesAheadKeepingWeekdaysAndHours) {
    const auto today = paris_time::to_utc(2026, 11, 23, 12, 0);
    auto counts = services::seed_demo(*db_, services::default_demo_path(), today);
    ASSERT_TRUE(counts.ok()) << counts.failure().message;
    EXPECT_EQ(counts->cycles, 6);
    EXPECT_EQ(counts->sessions, 24);
    auto again = services::seed_demo(*db_, services::default_demo_path(), today + 86400 * 30);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->sessions, 0) << "a second run moves nothing";
    EXPECT_EQ(count("SELECT COUNT(*) FROM cycles"), 6);
    EXPECT_EQ(count("SELECT COUNT(*) FROM testimonials WHERE published = 1"), 3);

    auto cycles = services::upcoming_cycles(*db_, today, 20);
    ASSERT_TRUE(cycles.ok());
    ASSERT_EQ(cycles->size(), 6u);
    for (const auto& c : cycles.value()) {
        ASSERT_EQ(c.sessions.size(), 4u) << c.slug;
        EXPECT_GT(c.sessions.front().starts_at, today + 20 * 86400) << c.slug;
        for (const auto& s : c.sessions) EXPECT_EQ(s.ends_at - s.starts_at, 2 * 3600) << c.slug;
    }
    // "Forêts": Thursdays 9 h – 11 h in the source, still Thursdays at 9 h Paris time.
    for (const auto& c : cycles.value())
        if (c.slug == "forets-cooperer")
            for (const auto& s : c.sessions) {
                const auto local = paris_time::to_local(s.starts_at);
                EXPECT_EQ(local.weekday, 4);
                EXPECT_EQ(local.hour, 9);
                EXPECT_EQ(local.minute, 0);
            }
}
