// Registrations racing for one cycle from several threads, each on its own pooled
// connection: the per-cycle lock and the one-statement place check (store::place_check)
// must keep the capacity, the waiting-list positions and the one place per collectivité
// exact on SQLite and PostgreSQL alike.
#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <thread>

#include "features/cycles/demo/demo_cycles.hpp"
#include "features/registration/services/registrations.hpp"
#include "features/registration/store/waiting_list.hpp"
#include "test_database.hpp"

using namespace ateliers;
using RegStatus = registration::Status;

namespace {

const services::MailContext mail{"https://ateliers.example"};
const std::string situation =
    "Dans notre commune, la gestion de la forêt communale oppose les exploitants, les chasseurs et les associations "
    "de randonneurs ; nous cherchons comment renouer le dialogue.";

class RegistrationRushTest : public test_support::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        auto seeded = services::seed_demo(*db_, services::default_demo_path(), store::now_utc_seconds());
        ASSERT_TRUE(seeded.ok()) << seeded.failure().message;
        soci::session sql(db_->pool());
        sql << "UPDATE cycles SET capacity = 3 WHERE slug = 'forets-cooperer'";
    }

    services::RegistrationRequest request(const std::string& collectivite) {
        return {"forets-cooperer", collectivite, {situation, "agent", "DGS", true, true, true}};
    }

    // Runs one registration per person, all threads released together; returns the outcomes in any order.
    std::vector<Result<services::RegistrationOutcome>> rush(const std::vector<services::CurrentUser>& people,
                                                            const std::vector<std::string>& collectivites) {
        std::vector<Result<services::RegistrationOutcome>> out;
        std::mutex out_mutex;
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < people.size(); ++i)
            threads.emplace_back([&, i] {
                auto r = services::register_for_cycle(*db_, people[i], request(collectivites[i]), mail);
                std::lock_guard lock(out_mutex);
                out.push_back(std::move(r));
            });
        for (auto& t : threads) t.join();
        return out;
    }

    const std::vector<std::string> communes{"commune:42168", "commune:42056", "commune:42218", "commune:69072",
                                            "commune:13055", "commune:01001", "commune:97411", "commune:42186"};
};

}  // namespace

TEST_F(RegistrationRushTest, ConcurrentPeopleFillTheSeatsThenTheWaitingListInOneLine) {
    std::vector<services::CurrentUser> people;
    for (std::size_t i = 0; i < communes.size(); ++i) people.push_back(person("p" + std::to_string(i), communes[i]));
    const auto results = rush(people, communes);

    int confirmed = 0;
    std::vector<int> positions;
    for (const auto& r : results) {
        ASSERT_TRUE(r.ok()) << r.failure().message;
        if (r->status == RegStatus::confirmed) ++confirmed;
        if (r->status == RegStatus::waiting) positions.push_back(r->waiting_position);
    }
    std::sort(positions.begin(), positions.end());
    EXPECT_EQ(confirmed, 3);
    EXPECT_EQ(positions, (std::vector<int>{1, 2, 3, 4, 5}));
    EXPECT_EQ(count("SELECT COUNT(DISTINCT seat) FROM registrations WHERE seat IS NOT NULL"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), 8);
}

TEST_F(RegistrationRushTest, ColleaguesRacingForTheirCollectivitesPlaceLeaveOneRegistration) {
    std::vector<services::CurrentUser> colleagues;
    for (int i = 0; i < 6; ++i) colleagues.push_back(person("collegue" + std::to_string(i), "commune:42168"));
    const auto results = rush(colleagues, std::vector<std::string>(colleagues.size(), "commune:42168"));

    int registered = 0;
    for (const auto& r : results) {
        if (r.ok()) {
            ++registered;
            continue;
        }
        EXPECT_EQ(r.failure().kind, FailureKind::conflict) << r.failure().message;
    }
    EXPECT_EQ(registered, 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), 1) << "a refused registration sends no e-mail";
}

TEST_F(RegistrationRushTest, ThePositionReadBeforeTheInsertIsTheWaitingListsOrder) {
    // Someone put at the end of the line by a clock a minute ahead (another machine, a move):
    // a newcomer arriving now waits before them, as the waiting list's order says.
    for (std::size_t i = 0; i < 4; ++i)
        ASSERT_TRUE(services::register_for_cycle(*db_, person("p" + std::to_string(i), communes[i]), request(communes[i]), mail).ok());
    {
        soci::session sql(db_->pool());
        sql << "UPDATE registrations SET arrival = arrival + 60000 WHERE status = 'waiting'";
    }
    auto newcomer = services::register_for_cycle(*db_, person("p4", communes[4]), request(communes[4]), mail);
    ASSERT_TRUE(newcomer.ok()) << newcomer.failure().message;
    EXPECT_EQ(newcomer->waiting_position, 1);
    const long long cycle_id = count("SELECT id FROM cycles WHERE slug = 'forets-cooperer'");
    const long long earlier = count("SELECT id FROM registrations WHERE user_id = (SELECT id FROM users WHERE email = 'p3@exemple.fr')");
    soci::session sql(db_->pool());
    EXPECT_EQ(store::waiting_position(sql, cycle_id, newcomer->registration_id), 1);
    EXPECT_EQ(store::waiting_position(sql, cycle_id, earlier), 2);
}
