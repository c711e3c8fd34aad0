#include <gtest/gtest.h>

#include "features/selection/domain/selection.hpp"

namespace al = ateliers::allocation;
namespace sel = ateliers::selection;
using sel::Reason;

namespace {

constexpr auto elu = al::Role::elu;
constexpr auto agent = al::Role::agent;

al::Applicant person(const std::string& id, const std::string& coll, al::Role role, long long priority,
                     std::vector<std::size_t> choices, double arrival) {
    return {id, coll, role, priority, std::move(choices), arrival};
}

sel::Adjustments none(const al::Round& r) {
    return {std::vector<std::optional<std::size_t>>(r.applicants.size()), std::vector<bool>(r.applicants.size())};
}

sel::Proposal proposed(const al::Round& r, const sel::Adjustments& adj) {
    auto p = sel::propose(r, adj);
    EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.failure().message);
    EXPECT_EQ(al::broken_rule(r, p.value().selection), std::nullopt);
    return p.value();
}

}  // namespace

TEST(Selection, DefaultPriorityFavoursSmallThenMediumCommunesAndIntercommunalites) {
    EXPECT_EQ(sel::default_priority("commune_small"), sel::default_priority("epci_small"));
    EXPECT_GT(sel::default_priority("commune_small"), sel::default_priority("commune_medium"));
    EXPECT_GT(sel::default_priority("epci_medium"), sel::default_priority("commune_large"));
    EXPECT_GT(sel::default_priority("commune_large"), sel::default_priority("departement"));
    EXPECT_EQ(sel::default_priority("region"), 0);
}

TEST(Selection, WithoutAdjustmentsMatchesTheOptimiser) {
    al::Round r{{{"c1", 1, 0, 0}, {"c2", 1, 0, 0}},
                {person("a", "x", agent, 2, {0, 1}, 1), person("b", "y", agent, 1, {0}, 2),
                 person("c", "z", agent, 0, {1}, 3)}};
    const auto p = proposed(r, none(r));
    EXPECT_EQ(p.objective, al::optimise(r).objective);
    EXPECT_EQ(p.objective.filled, 2);
}

TEST(Selection, APinWinsTheSeatAndTheRestIsStillOptimal) {
    al::Round r{{{"c", 1, 0, 0}},
                {person("a", "x", agent, 3, {0}, 1), person("b", "y", agent, 0, {0}, 2)}};
    auto adj = none(r);
    adj.pinned[1] = 0;
    const auto p = proposed(r, adj);
    EXPECT_EQ(p.selection[1], 0u);
    EXPECT_EQ(p.selection[0], std::nullopt);
    EXPECT_EQ(p.waiting[0], std::vector<std::size_t>{0});
    const auto why = sel::explain(r, adj, p);
    EXPECT_EQ(why[1][0].reason, Reason::pinned);
    EXPECT_EQ(why[0][0].reason, Reason::seat_pinned);
    EXPECT_EQ(why[0][0].waiting_position, 1);
}

TEST(Selection, APinBlocksTheCollectiviteForOthersOnThatCycle) {
    al::Round r{{{"c", 3, 0, 0}},
                {person("a", "x", elu, 0, {0}, 1), person("b", "x", agent, 5, {0}, 2)}};
    auto adj = none(r);
    adj.pinned[0] = 0;
    const auto p = proposed(r, adj);
    EXPECT_EQ(p.selection[1], std::nullopt);
    const auto why = sel::explain(r, adj, p);
    EXPECT_EQ(why[1][0].reason, Reason::same_collectivite);
    EXPECT_EQ(why[1][0].colleague, 0u);
}

TEST(Selection, ExcludedApplicantsGetNothingAndDoNotWait) {
    al::Round r{{{"c", 2, 0, 0}}, {person("a", "x", agent, 0, {0}, 1), person("b", "y", agent, 0, {0}, 2)}};
    auto adj = none(r);
    adj.excluded[0] = true;
    const auto p = proposed(r, adj);
    EXPECT_EQ(p.selection[0], std::nullopt);
    EXPECT_EQ(p.selection[1], 0u);
    EXPECT_TRUE(p.waiting[0].empty());
    EXPECT_EQ(sel::explain(r, adj, p)[0][0].reason, Reason::excluded);
}

TEST(Selection, PinsThatBreakAHardRuleAreRefusedWithTheirNames) {
    al::Round r{{{"c", 1, 0, 0}, {"d", 2, 0, 0}},
                {person("a", "x", agent, 0, {0, 1}, 1), person("b", "y", agent, 0, {0, 1}, 2),
                 person("e", "z", agent, 0, {1}, 3), person("f", "z", elu, 0, {1}, 4)}};
    auto over = none(r);
    over.pinned[0] = 0;
    over.pinned[1] = 0;
    auto full = sel::propose(r, over);
    ASSERT_FALSE(full.ok());
    EXPECT_NE(full.failure().message.find("Trop de personnes"), std::string::npos);

    auto colleagues = none(r);
    colleagues.pinned[2] = 1;
    colleagues.pinned[3] = 1;
    auto same = sel::propose(r, colleagues);
    ASSERT_FALSE(same.ok());
    EXPECT_NE(same.failure().message.find("même collectivité"), std::string::npos);

    auto unchosen = none(r);
    unchosen.pinned[2] = 0;
    EXPECT_FALSE(sel::propose(r, unchosen).ok());
}

TEST(Selection, ExplainsAFullCycleByPriority) {
    al::Round r{{{"c", 1, 0, 0}}, {person("a", "x", agent, 3, {0}, 2), person("b", "y", agent, 1, {0}, 1)}};
    const auto adj = none(r);
    const auto p = proposed(r, adj);
    const auto why = sel::explain(r, adj, p);
    EXPECT_EQ(why[0][0].reason, Reason::selected_first_choice);
    EXPECT_EQ(why[1][0].reason, Reason::higher_priority);
    EXPECT_EQ(sel::reason_text(Reason::higher_priority), "Cycle complet, priorité plus élevée retenue");
}

TEST(Selection, ExplainsAFullCycleByBalance) {
    // One seat, one élu wanted: the élu gets it against an earlier agent of the same priority.
    al::Round r{{{"c", 1, 1, 0}}, {person("a", "x", agent, 0, {0}, 1), person("e", "z", elu, 0, {0}, 3)}};
    const auto adj = none(r);
    const auto p = proposed(r, adj);
    EXPECT_EQ(p.selection[1], 0u);
    const auto why = sel::explain(r, adj, p);
    EXPECT_EQ(why[0][0].reason, Reason::balance);
    EXPECT_EQ(why[0][0].waiting_position, 1);
}

TEST(Selection, ExplainsEqualPriorityByArrivalAndSecondChoices) {
    al::Round r{{{"c1", 1, 0, 0}, {"c2", 1, 0, 0}},
                {person("a", "x", agent, 0, {0, 1}, 1), person("b", "y", agent, 0, {0, 1}, 2)}};
    const auto adj = none(r);
    const auto p = proposed(r, adj);
    const auto why = sel::explain(r, adj, p);
    EXPECT_EQ(why[0][0].reason, Reason::selected_first_choice);
    EXPECT_EQ(why[0][1].reason, Reason::selected_elsewhere);
    EXPECT_EQ(why[1][0].reason, Reason::placed_before);
    EXPECT_EQ(why[1][0].waiting_position, 0);  // selected elsewhere: not waiting
    EXPECT_EQ(why[1][1].reason, Reason::selected_other_choice);
}
