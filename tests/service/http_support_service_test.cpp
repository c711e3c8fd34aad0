// What the HTTP layer keeps in the database: the per-site secrets (one value for every
// process of a site) and which cycles must look nonexistent to a visitor.
#include <future>
#include <set>

#include "features/cycles/demo/demo_cycles.hpp"
#include "features/cycles/services/facilitation_access.hpp"
#include "platform/auth/server_secrets.hpp"
#include "test_database.hpp"

using namespace ateliers;

class ServerSecretsTest : public test_support::DatabaseTest {};

TEST_F(ServerSecretsTest, CreatedOnceAndSharedByEveryProcessOfTheSite) {
    auto first = services::server_secret(*db_, "csrf");
    ASSERT_TRUE(first.ok()) << first.failure().message;
    EXPECT_GE(first.value().size(), 32u);
    EXPECT_EQ(services::server_secret(*db_, "csrf").value(), first.value());
    EXPECT_NE(services::server_secret(*db_, "other").value(), first.value());

    // Another process: its own connection pool on the same database.
    auto other = store::Database::open(url_, 2);
    ASSERT_TRUE(other.ok());
    EXPECT_EQ(services::server_secret(*other.value(), "csrf").value(), first.value());
}

TEST_F(ServerSecretsTest, ProcessesStartingTogetherAgreeOnOneValue) {
    std::vector<std::unique_ptr<store::Database>> processes;
    for (int i = 0; i < 4; ++i) {
        auto db = store::Database::open(url_, 1);
        ASSERT_TRUE(db.ok());
        processes.push_back(std::move(db.value()));
    }
    std::vector<std::future<Result<std::string>>> asked;
    for (auto& p : processes)
        asked.push_back(std::async(std::launch::async, [&p] { return services::server_secret(*p, "fresh"); }));
    std::set<std::string> values;
    for (auto& a : asked) {
        auto v = a.get();
        ASSERT_TRUE(v.ok()) << v.failure().message;
        values.insert(v.value());
    }
    EXPECT_EQ(values.size(), 1u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM server_secrets WHERE name = 'fresh'"), 1);
}

class HiddenDraftTest : public test_support::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        ASSERT_TRUE(services::seed_demo(*db_, services::default_demo_path(), store::now_utc_seconds()).ok());
        soci::session sql(db_->pool());
        sql << "SELECT id, slug FROM cycles ORDER BY slug LIMIT 1", soci::into(draft_id_), soci::into(slug_);
        sql << "UPDATE cycles SET status = 'draft' WHERE slug = :s", soci::use(slug_);
        sql << "SELECT id, slug FROM cycles WHERE status = 'published' ORDER BY slug LIMIT 1", soci::into(published_id_),
            soci::into(published_);
    }
    std::string slug_, published_;
    long long draft_id_ = 0, published_id_ = 0;
};

TEST_F(HiddenDraftTest, ADraftIsHiddenFromAllButItsTeam) {
    auto participant = person("paul", "commune:42168");
    EXPECT_TRUE(services::is_hidden_draft(*db_, participant, slug_));
    // Not hidden: a published cycle (its pages may answer 403), a slug nobody uses (404 anyway).
    EXPECT_FALSE(services::is_hidden_draft(*db_, participant, published_));
    EXPECT_FALSE(services::is_hidden_draft(*db_, participant, "cycle-inconnu"));

    auto organiser = participant;
    organiser.roles = {"organiser"};
    EXPECT_FALSE(services::is_hidden_draft(*db_, organiser, slug_));
    auto facilitator = participant;
    facilitator.roles = {"facilitator:" + std::to_string(draft_id_)};
    EXPECT_FALSE(services::is_hidden_draft(*db_, facilitator, slug_));
    auto facilitator_elsewhere = participant;
    facilitator_elsewhere.roles = {"facilitator:" + std::to_string(published_id_)};
    EXPECT_TRUE(services::is_hidden_draft(*db_, facilitator_elsewhere, slug_));
}
