// `seed-demo --activity`: the fictitious activity a local demo shows, loaded once,
// consistent with the rules, and never a reason to e-mail anyone.
#include <map>

#include "platform/calendar/calendar_shift.hpp"
#include "platform/core/paris_time.hpp"
#include "features/running/services/breakout_planning.hpp"
#include "features/running/demo/demo_activity.hpp"
#include "features/cycles/demo/demo_cycles.hpp"
#include "features/reports/services/reports.hpp"
#include "features/selection/services/selection_rounds.hpp"
#include "platform/store/rows.hpp"
#include "test_database.hpp"

using namespace ateliers;

namespace {

class DemoActivityTest : public test_support::DatabaseTest {};

}  // namespace

TEST_F(DemoActivityTest, FillsARoundAndAFinishedCycleOnce) {
    const auto now = store::now_utc_seconds();
    // The fixture referential is too small for 36 people: the activity refuses, and says why.
    auto too_small = services::seed_demo_activity(*db_, now);
    ASSERT_FALSE(too_small.ok());
    EXPECT_NE(too_small.failure().message.find("référentiel"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users"), 0);

    ASSERT_TRUE(store::import_referential(*db_, store::default_referential_dir()).ok());
    ASSERT_TRUE(services::seed_demo(*db_, services::default_demo_path(), now).ok());
    auto first = services::seed_demo_activity(*db_, now);
    ASSERT_TRUE(first.ok()) << first.failure().message;
    ASSERT_FALSE(first->already_there);
    EXPECT_EQ(first->people, 36);

    auto again = services::seed_demo_activity(*db_, now);
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->already_there);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users"), 36);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), 0);

    auto rounds = services::selection_rounds(*db_);
    ASSERT_TRUE(rounds.ok());
    ASSERT_EQ(rounds->size(), 1u);
    auto proposal = services::propose_round(*db_, rounds->front().closes_at);
    ASSERT_TRUE(proposal.ok()) << proposal.failure().message;
    EXPECT_EQ(proposal->applicants.size(), 24u);
    EXPECT_EQ(proposal->objective.filled, 16);  // two cycles of 8 seats, 24 applicants

    auto report = services::cycle_report(*db_, "demo-participation-habitants", now);
    ASSERT_TRUE(report.ok());
    ASSERT_TRUE(report.value());
    EXPECT_EQ(report.value()->confirmed, first->past_participants);
    EXPECT_EQ(report.value()->sessions_held, 4);
    EXPECT_GT(report.value()->leads, 0);
    EXPECT_GT(report.value()->satisfaction.responses, 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE feedback_requested_at IS NULL AND status = 'confirmed'"),
              0);
    // Every participant of the finished cycle sat in one group per session.
    EXPECT_EQ(count("SELECT COUNT(*) FROM session_groups"), 4 * first->past_participants);
}

TEST_F(DemoActivityTest, DemoPeopleAndAttendanceLookReal) {
    const auto now = paris_time::to_utc(2026, 12, 1, 9, 0);
    ASSERT_TRUE(store::import_referential(*db_, store::default_referential_dir()).ok());
    ASSERT_TRUE(services::seed_demo(*db_, services::default_demo_path(), now).ok());
    ASSERT_TRUE(services::seed_demo_activity(*db_, now).ok());

    // People from communes of many régions, sizes and initials (not the first commune of
    // each département, which all start with "A").
    EXPECT_GE(count("SELECT COUNT(DISTINCT SUBSTR(c.name, 1, 1)) FROM users u JOIN collectivites c ON c.id = "
                    "u.collectivite_id WHERE c.kind = 'commune'"),
              8);
    EXPECT_GE(count("SELECT COUNT(DISTINCT c.region_code) FROM users u JOIN collectivites c ON c.id = u.collectivite_id"),
              10);
    EXPECT_GE(count("SELECT COUNT(DISTINCT c.size_class) FROM users u JOIN collectivites c ON c.id = u.collectivite_id"),
              5);
    EXPECT_LT(count("SELECT COUNT(*) FROM users u JOIN collectivites c ON c.id = u.collectivite_id WHERE c.name LIKE 'A%'"),
              10);

    // Most people were present; only an unexcused absence had its e-mail.
    const auto rows = count("SELECT COUNT(*) FROM attendance");
    ASSERT_GT(rows, 0);
    EXPECT_GT(count("SELECT COUNT(*) FROM attendance WHERE status = 'present'") * 4, rows * 3);
    EXPECT_GT(count("SELECT COUNT(*) FROM attendance WHERE status = 'absent'"), 0);
    EXPECT_GT(count("SELECT COUNT(*) FROM attendance WHERE status = 'excused'"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM attendance WHERE absence_mail_at IS NOT NULL AND status <> 'absent'"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM attendance WHERE absence_mail_at IS NULL AND status = 'absent'"), 0);

    // Every session, of the demo cycles and of the finished one: a weekday, the same Paris
    // hour within a cycle whatever the change of time, and none in the Christmas fortnight.
    soci::session sql(db_->pool());
    soci::rowset<soci::row> sessions =
        (sql.prepare << "SELECT c.slug, s.starts_at FROM cycle_sessions s JOIN cycles c ON c.id = s.cycle_id "
                        "ORDER BY c.slug, s.number");
    std::map<std::string, std::pair<int, int>> hour_of;
    int seen = 0;
    for (const auto& r : sessions) {
        const auto slug = r.get<std::string>(0);
        const auto at = paris_time::to_local(store::as_int(r, 1));
        ++seen;
        EXPECT_TRUE(at.weekday >= 1 && at.weekday <= 5) << slug << " " << paris_time::iso8601(store::as_int(r, 1));
        EXPECT_FALSE(calendar_shift::in_year_end_break(at.month, at.day))
            << slug << " " << paris_time::iso8601(store::as_int(r, 1));
        const auto [it, first] = hour_of.emplace(slug, std::make_pair(at.hour, at.minute));
        if (!first) EXPECT_EQ(it->second, std::make_pair(at.hour, at.minute)) << slug;
    }
    EXPECT_EQ(seen, 28);  // six demo cycles and the finished one, four sessions each
    const auto finished_last = count("SELECT MAX(s.ends_at) FROM cycle_sessions s JOIN cycles c ON c.id = s.cycle_id "
                                     "WHERE c.slug = 'demo-participation-habitants'");
    EXPECT_LT(finished_last, now);
}
