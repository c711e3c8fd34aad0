#include <algorithm>
#include <set>

#include "running_cycle_fixture.hpp"
#include "features/running/services/breakout_planning.hpp"

using namespace ateliers;

namespace {

class BreakoutPlanningTest : public test_support::RunningCycleTest {
protected:
    // 15 participants, 8 élus and 7 agents; the 2nd and 3rd and the 4th and 5th
    // share a collectivité.
    void enrol_fifteen() {
        enrol("Anne Arnaud", "elu");
        const auto shared = enrol("Bruno Bel", "agent").collectivite;
        enrol("Chloé Cros", "elu", shared);
        const auto other = enrol("Denis Dufour", "agent").collectivite;
        enrol("Emma Enard", "elu", other);
        enrol_many(10);
    }

    services::PlanningOutcome compose(int groups, long long now) {
        auto r = services::compose_groups(*db_, organiser_, slug_, groups, now);
        EXPECT_TRUE(r.ok()) << r.failure().message;
        return r.ok() ? r.value() : services::PlanningOutcome{};
    }

    // Checks, for one session, that every expected person sits in exactly one group
    // and that each group mixes élus and agents, never pairs one collectivité, and
    // has exactly one client.
    void expect_good_session(int number, const std::set<long long>& expected, int groups) {
        std::map<int, std::vector<long long>> members;
        std::map<int, int> clients;
        std::set<long long> seen;
        for (const auto& [reg, group, client, locked] : group_rows(number)) {
            EXPECT_TRUE(seen.insert(reg).second) << "twice in session " << number;
            members[group].push_back(reg);
            clients[group] += client;
        }
        EXPECT_EQ(seen, expected) << "session " << number;
        EXPECT_EQ(static_cast<int>(members.size()), groups) << "session " << number;
        for (const auto& [group, regs] : members) {
            std::set<std::string> mandates, collectivites;
            for (long long r : regs) {
                mandates.insert(person(r).mandate);
                EXPECT_TRUE(collectivites.insert(person(r).collectivite).second)
                    << "session " << number << ", group " << group << ": two people of " << person(r).collectivite;
            }
            EXPECT_EQ(mandates.size(), 2u) << "session " << number << ", group " << group << " lacks the mix";
            EXPECT_EQ(clients[group], 1) << "session " << number << ", group " << group;
        }
    }

    std::set<long long> everyone() const {
        std::set<long long> out;
        for (const auto& p : people_) out.insert(p.registration);
        return out;
    }
};

}  // namespace

TEST_F(BreakoutPlanningTest, DefaultIsGroupsOfAboutFive) {
    EXPECT_EQ(services::default_group_count(0), 1);
    EXPECT_EQ(services::default_group_count(2), 1);
    EXPECT_EQ(services::default_group_count(7), 1);
    EXPECT_EQ(services::default_group_count(8), 2);
    EXPECT_EQ(services::default_group_count(12), 2);
    EXPECT_EQ(services::default_group_count(13), 3);
    EXPECT_EQ(services::default_group_count(15), 3);
    EXPECT_EQ(services::default_group_count(30), 6);
}

TEST_F(BreakoutPlanningTest, ComposesEverySessionWithMixedGroupsApartFromOnesOwnCollectiviteAndPlannedClients) {
    enrol_fifteen();
    const auto outcome = compose(3, before_cycle());
    EXPECT_EQ(outcome.groups, 3);
    EXPECT_EQ(outcome.sessions_planned, 4);
    EXPECT_EQ(outcome.score.same_collectivite_pairs, 0);
    EXPECT_EQ(outcome.score.groups_without_mix, 0);
    for (int s = 1; s <= 4; ++s) expect_good_session(s, everyone(), 3);
    // 12 client places (4 sessions x 3 groups) for 15 situations: 12 different clients.
    EXPECT_EQ(count("SELECT COUNT(DISTINCT registration_id) FROM session_groups WHERE is_client = 1"), 12);
    EXPECT_EQ(count("SELECT COUNT(*) FROM session_groups WHERE is_client = 1"), 12);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'groups.compose' AND target = 'cycle:" + slug_ +
                    "'"),
              1);

    auto view = services::cycle_planning(*db_, slug_, before_cycle());
    ASSERT_TRUE(view.ok() && view.value());
    const auto& p = *view.value();
    EXPECT_TRUE(p.composed);
    EXPECT_FALSE(p.needs_recompose);
    EXPECT_EQ(p.group_count, 3);
    EXPECT_EQ(p.suggested_group_count, 3);
    EXPECT_EQ(p.situations_planned, 12);
    EXPECT_EQ(p.score, outcome.score);
    ASSERT_EQ(p.sessions.size(), 4u);
    EXPECT_EQ(p.sessions[0].groups.size(), 3u);
}

TEST_F(BreakoutPlanningTest, TheSameDataGivesTheSameGroups) {
    enrol_fifteen();
    compose(3, before_cycle());
    std::vector<std::vector<test_support::RunningCycleTest::Row>> first;
    for (int s = 1; s <= 4; ++s) first.push_back(group_rows(s));
    compose(3, before_cycle());
    for (int s = 1; s <= 4; ++s) EXPECT_EQ(group_rows(s), first[s - 1]) << "session " << s;
}

TEST_F(BreakoutPlanningTest, ALockedPersonStaysInTheirGroupWhenRecomposing) {
    enrol_fifteen();
    compose(3, before_cycle());
    const long long anne = people_[0].registration;
    const int was = group_of(3)[anne];
    const int target = was % 3 + 1;
    auto moved = services::move_and_lock(*db_, organiser_, slug_, 3, anne, target, before_cycle());
    ASSERT_TRUE(moved.ok()) << moved.failure().message;
    EXPECT_EQ(group_of(3)[anne], target);
    expect_good_session(3, everyone(), 3);

    compose(3, before_cycle());
    EXPECT_EQ(group_of(3)[anne], target);
    for (const auto& [reg, group, client, locked] : group_rows(3)) EXPECT_EQ(locked, reg == anne ? 1 : 0);
    for (const auto& [reg, group, client, locked] : group_rows(2)) EXPECT_EQ(locked, 0);

    ASSERT_TRUE(services::unlock_member(*db_, organiser_, slug_, 3, anne, before_cycle()).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM session_groups WHERE locked = 1"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action IN ('groups.lock', 'groups.unlock')"), 2);
}

TEST_F(BreakoutPlanningTest, LocksThatCannotHoldAreRefusedInFrench) {
    enrol_fifteen();
    compose(3, before_cycle());
    // Groups of 5: a sixth person locked into group 1 cannot fit.
    for (int i = 0; i < 5; ++i)
        ASSERT_TRUE(services::move_and_lock(*db_, organiser_, slug_, 2, people_[i].registration, 1, before_cycle()).ok());
    auto sixth = services::move_and_lock(*db_, organiser_, slug_, 2, people_[5].registration, 1, before_cycle());
    ASSERT_FALSE(sixth.ok());
    EXPECT_EQ(sixth.failure().kind, FailureKind::invalid);
    EXPECT_NE(sixth.failure().message.find("verrouillées dans le groupe 1"), std::string::npos)
        << sixth.failure().message;
    EXPECT_EQ(group_of(2).size(), 15u) << "the refused move changed nothing";

    // Fewer groups than a lock needs: refused, the lock is named.
    auto fewer = services::compose_groups(*db_, organiser_, slug_, 2, before_cycle());
    EXPECT_TRUE(fewer.ok()) << "group 1 still exists with 2 groups";
    ASSERT_TRUE(services::move_and_lock(*db_, organiser_, slug_, 4, people_[6].registration, 2, before_cycle()).ok());
    auto one = services::compose_groups(*db_, organiser_, slug_, 1, before_cycle());
    ASSERT_FALSE(one.ok());
    EXPECT_NE(one.failure().message.find("qui n’existe plus"), std::string::npos) << one.failure().message;
}

TEST_F(BreakoutPlanningTest, AnAbsenceInAdvanceLeavesThePersonOutOfThatSessionOnly) {
    enrol_fifteen();
    compose(3, before_cycle());
    const long long bruno = people_[1].registration;
    ASSERT_TRUE(services::move_and_lock(*db_, organiser_, slug_, 2, bruno, 1, before_cycle()).ok());
    auto absent = services::plan_absence(*db_, organiser_, slug_, 2, bruno, before_cycle());
    ASSERT_TRUE(absent.ok()) << absent.failure().message;
    EXPECT_EQ(absent->sessions_planned, 4);
    auto without = everyone();
    without.erase(bruno);
    expect_good_session(2, without, 3);
    for (int s : {1, 3, 4}) EXPECT_EQ(group_of(s).count(bruno), 1u) << "session " << s;
    EXPECT_EQ(count("SELECT COUNT(*) FROM attendance WHERE status = 'excused' AND registration_id = " +
                    std::to_string(bruno)),
              1);
    auto view = services::cycle_planning(*db_, slug_, before_cycle());
    ASSERT_TRUE(view.ok() && view.value());
    ASSERT_EQ(view.value()->sessions[1].absent.size(), 1u);
    EXPECT_EQ(view.value()->sessions[1].absent[0].registration_id, bruno);
    EXPECT_FALSE(view.value()->needs_recompose);

    auto moved = services::move_and_lock(*db_, organiser_, slug_, 2, bruno, 2, before_cycle());
    ASSERT_FALSE(moved.ok()) << "an absent person cannot be placed";
    EXPECT_EQ(moved.failure().kind, FailureKind::conflict);

    ASSERT_TRUE(services::withdraw_absence(*db_, organiser_, slug_, 2, bruno, before_cycle()).ok());
    expect_good_session(2, everyone(), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM attendance"), 0);
}

TEST_F(BreakoutPlanningTest, HeldSessionsKeepTheirGroupsWhenTheRestIsRecomposed) {
    enrol_fifteen();
    compose(3, before_cycle());
    const auto session1 = group_rows(1);
    const auto session2 = group_rows(2);
    // Session 2 has started: sessions 3 and 4 are recomposed, now with 2 groups.
    const auto outcome = compose(2, during(2));
    EXPECT_EQ(outcome.sessions_planned, 2);
    EXPECT_EQ(group_rows(1), session1);
    EXPECT_EQ(group_rows(2), session2);
    expect_good_session(3, everyone(), 2);
    expect_good_session(4, everyone(), 2);
    // Nobody is client twice over the cycle, held sessions included.
    EXPECT_EQ(count("SELECT COUNT(*) FROM session_groups WHERE is_client = 1"),
              count("SELECT COUNT(DISTINCT registration_id) FROM session_groups WHERE is_client = 1"));
    EXPECT_EQ(count("SELECT COUNT(*) FROM session_groups WHERE is_client = 1"), 10);

    auto late = services::move_and_lock(*db_, organiser_, slug_, 2, people_[0].registration, 1, during(2));
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.failure().kind, FailureKind::conflict);
    auto absent = services::plan_absence(*db_, organiser_, slug_, 1, people_[0].registration, during(2));
    ASSERT_FALSE(absent.ok());

    auto none_left = services::compose_groups(*db_, organiser_, slug_, 3, during(4));
    ASSERT_FALSE(none_left.ok());
    EXPECT_EQ(none_left.failure().kind, FailureKind::conflict);
}

TEST_F(BreakoutPlanningTest, CancellationsAndLateConfirmationsAreTakenInAtTheNextComposition) {
    enrol_fifteen();
    compose(3, before_cycle());
    const long long leaving = people_[4].registration;
    set_status(leaving, "cancelled");
    const auto& late = enrol("Zoé Zeller", "agent");
    const long long newcomer = late.registration;

    auto view = services::cycle_planning(*db_, slug_, before_cycle());
    ASSERT_TRUE(view.ok() && view.value());
    EXPECT_TRUE(view.value()->needs_recompose);
    ASSERT_EQ(view.value()->sessions[0].unplaced.size(), 1u);
    EXPECT_EQ(view.value()->sessions[0].unplaced[0].registration_id, newcomer);
    for (const auto& g : view.value()->sessions[0].groups)
        for (const auto& m : g) EXPECT_NE(m.registration_id, leaving) << "a cancelled person is not shown";

    compose(3, before_cycle());
    auto expected = everyone();
    expected.erase(leaving);
    for (int s = 1; s <= 4; ++s) expect_good_session(s, expected, 3);
    view = services::cycle_planning(*db_, slug_, before_cycle());
    EXPECT_FALSE(view.value()->needs_recompose);
}

TEST_F(BreakoutPlanningTest, ImpossibleRequestsAreExplained) {
    auto empty = services::compose_groups(*db_, organiser_, slug_, 3, before_cycle());
    ASSERT_FALSE(empty.ok());
    EXPECT_NE(empty.failure().message.find("aucune inscription confirmée"), std::string::npos);
    enrol_many(4);
    auto too_many = services::compose_groups(*db_, organiser_, slug_, 5, before_cycle());
    ASSERT_FALSE(too_many.ok());
    EXPECT_EQ(too_many.failure().field, "groups");
    auto unknown = services::compose_groups(*db_, organiser_, "pas-de-cycle", 1, before_cycle());
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.failure().kind, FailureKind::not_found);
    auto moved = services::move_and_lock(*db_, organiser_, slug_, 2, people_[0].registration, 1, before_cycle());
    ASSERT_FALSE(moved.ok()) << "nothing to move before the first composition";
    EXPECT_EQ(moved.failure().kind, FailureKind::conflict);
}

TEST_F(BreakoutPlanningTest, ScoreSummaryIsFrench) {
    EXPECT_EQ(services::score_summary({0, 0, 0}),
              "aucun groupe ne réunit deux personnes d’une même collectivité ; tous les groupes mêlent élus et "
              "agents ; personne ne retrouve une personne déjà rencontrée en groupe.");
    const auto text = services::score_summary({1, 2, 5});
    EXPECT_NE(text.find("1 paire de personnes d’une même collectivité"), std::string::npos) << text;
    EXPECT_NE(text.find("2 groupes sans mélange"), std::string::npos) << text;
    EXPECT_NE(text.find("5 rencontres répétées"), std::string::npos) << text;
}
