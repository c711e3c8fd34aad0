#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <set>

#include "features/selection/domain/allocation.hpp"
#include "features/selection/domain/allocation_json.hpp"

namespace al = ateliers::allocation;

namespace {

al::Cycle cycle(const std::string& id, long long capacity, long long min_elus = 0, long long min_agents = 0) {
    return {id, capacity, min_elus, min_agents};
}

al::Applicant person(const std::string& id, const std::string& coll, al::Role role, long long priority,
                     std::vector<std::size_t> choices, std::optional<double> arrival = std::nullopt) {
    return {id, coll, role, priority, std::move(choices), arrival};
}

constexpr auto elu = al::Role::elu;
constexpr auto agent = al::Role::agent;

// Seated applicants' ids per cycle index, sorted.
std::vector<std::vector<std::string>> seats(const al::Round& round, const al::Solution& s) {
    std::vector<std::vector<std::string>> out(round.cycles.size());
    for (std::size_t i = 0; i < s.selection.size(); ++i)
        if (s.selection[i]) out[*s.selection[i]].push_back(round.applicants[i].id);
    for (auto& v : out) std::sort(v.begin(), v.end());
    return out;
}

al::Solution checked(const al::Round& round) {
    auto s = al::optimise(round);
    EXPECT_EQ(al::broken_rule(round, s.selection), std::nullopt);
    EXPECT_EQ(al::evaluate(round, s.selection), s.objective);
    EXPECT_EQ(s.proven_levels, 5);
    return s;
}

using Seats = std::vector<std::vector<std::string>>;

}  // namespace

TEST(Allocation, CapacityCapsACycle) {
    al::Round r{{cycle("c", 2)}, {person("a", "x", agent, 0, {0}), person("b", "y", agent, 0, {0}),
                                  person("d", "z", agent, 0, {0})}};
    EXPECT_EQ(checked(r).objective.filled, 2);
}

TEST(Allocation, OneApplicantPerCollectivitePerCycle) {
    al::Round r{{cycle("c", 5)}, {person("a", "x", elu, 0, {0}), person("b", "x", agent, 0, {0})}};
    EXPECT_EQ(checked(r).objective.filled, 1);
}

TEST(Allocation, OneSeatPerApplicantAndOnlyAChosenCycle) {
    al::Round r{{cycle("c1", 1), cycle("c2", 1), cycle("c3", 1)}, {person("a", "x", agent, 0, {0, 1})}};
    EXPECT_EQ(seats(r, checked(r)), (Seats{{"a"}, {}, {}}));
}

TEST(Allocation, FillingSeatsComesBeforeEverythingElse) {
    // Greedy by priority or by first choice would give c1 to "a" and leave c2 empty.
    al::Round r{{cycle("c1", 1), cycle("c2", 1)},
                {person("a", "x", agent, 10, {0, 1}, 0), person("b", "y", agent, 0, {0}, 1)}};
    auto s = checked(r);
    EXPECT_EQ(seats(r, s), (Seats{{"b"}, {"a"}}));
    EXPECT_EQ(s.objective.choice_rank, 1);
}

TEST(Allocation, BalanceComesBeforePriority) {
    al::Round r{{cycle("c", 3, 1, 1)},
                {person("a1", "x1", agent, 5, {0}), person("a2", "x2", agent, 5, {0}),
                 person("a3", "x3", agent, 5, {0}), person("e", "x4", elu, 0, {0})}};
    auto s = checked(r);
    EXPECT_EQ(s.objective.balance_deficit, 0);
    EXPECT_EQ(s.objective.priority, 10);
    EXPECT_TRUE(s.selection[3].has_value());
}

TEST(Allocation, DeficitCountsBothRolesAndDefaultsToAThird) {
    EXPECT_EQ(al::default_minimum(15), 5);
    EXPECT_EQ(al::default_minimum(2), 0);
    al::Round r{{cycle("c", 6, 2, 2)}, {person("a", "x", agent, 0, {0})}};
    EXPECT_EQ(checked(r).objective.balance_deficit, 2 + 1);
}

TEST(Allocation, PriorityThenChoiceRankThenArrival) {
    al::Round by_priority{{cycle("c", 1)}, {person("a", "x", agent, 1, {0}), person("b", "y", agent, 2, {0})}};
    EXPECT_EQ(seats(by_priority, checked(by_priority)), (Seats{{"b"}}));

    al::Round by_rank{{cycle("c1", 1), cycle("c2", 1)},
                      {person("a", "x", agent, 0, {1, 0}, 0), person("b", "y", agent, 0, {0, 1}, 1)}};
    auto s = checked(by_rank);
    EXPECT_EQ(seats(by_rank, s), (Seats{{"b"}, {"a"}}));
    EXPECT_EQ(s.objective.choice_rank, 0);

    al::Round by_arrival{{cycle("c", 1)}, {person("a", "x", agent, 0, {0}, 9), person("b", "y", agent, 0, {0}, 3)}};
    EXPECT_EQ(seats(by_arrival, checked(by_arrival)), (Seats{{"b"}}));
}

TEST(Allocation, ArrivalRanksBreakTiesByIdAndPutUndatedLast) {
    al::Round r{{cycle("c", 1)},
                {person("z", "x", agent, 0, {0}), person("b", "x", agent, 0, {0}, 5),
                 person("a", "x", agent, 0, {0}, 5), person("y", "x", agent, 0, {0}, 1)}};
    EXPECT_EQ(al::arrival_ranks(r), (std::vector<long long>{3, 2, 1, 0}));
}

TEST(Allocation, MixedCollectiviteSendsTheRoleTheCycleLacks) {
    // Crediting x's élu as the cycle's agent would look better; x must send its agent.
    al::Round r{{cycle("c", 2, 1, 1)},
                {person("xe", "x", elu, 5, {0}), person("xa", "x", agent, 0, {0}), person("ye", "y", elu, 5, {0})}};
    auto s = checked(r);
    EXPECT_EQ(seats(r, s), (Seats{{"xa", "ye"}}));
    EXPECT_EQ(s.objective.balance_deficit, 0);
}

TEST(Allocation, OutOfBudgetReturnsAFeasibleSelectionNotProven) {
    al::Round r{{cycle("c", 2, 1, 1)},
                {person("xe", "x", elu, 5, {0}), person("xa", "x", agent, 0, {0}), person("ye", "y", elu, 5, {0})}};
    al::SolverOptions options;
    options.work_budget = 1;
    auto s = al::optimise(r, options);
    EXPECT_LT(s.proven_levels, 5);
    EXPECT_EQ(al::broken_rule(r, s.selection), std::nullopt);
    EXPECT_EQ(al::evaluate(r, s.selection), s.objective);
}

TEST(Allocation, WaitingListsFollowPriorityRankThenArrival) {
    al::Round r{{cycle("c1", 0), cycle("c2", 0)},
                {person("a", "x", agent, 0, {0, 1}, 1), person("b", "y", agent, 2, {1, 0}, 2),
                 person("d", "z", elu, 0, {1}, 0), person("e", "w", elu, 0, {0}, 3)}};
    auto out = al::solve(r);
    ASSERT_EQ(out.waiting.size(), 2u);
    EXPECT_EQ(out.waiting[0].applicants, (std::vector<std::string>{"b", "a", "e"}));
    EXPECT_EQ(out.waiting[1].applicants, (std::vector<std::string>{"b", "d", "a"}));
    EXPECT_TRUE(out.assignments.empty());
}

// ---- JSON ----

TEST(AllocationJson, ParsesIdsDefaultsAndDates) {
    auto parsed = al::parse_round(R"({"cycles":[{"id":17,"capacity":7},{"id":"b","capacity":3,"min_elus":0}],
        "applicants":[
          {"id":1,"collectivite":"21001","role":"elu","choices":["17","b"],"arrival":"2025-03-01T10:00:00+01:00"},
          {"id":"p","collectivite":21002,"role":"agent","priority":3,"choices":[17],"arrival":1740819600}]})");
    ASSERT_TRUE(std::holds_alternative<al::Round>(parsed)) << std::get<al::InputError>(parsed).en;
    const auto& r = std::get<al::Round>(parsed);
    EXPECT_EQ(r.cycles[0].id, "17");
    EXPECT_EQ(r.cycles[0].min_elus, 2);
    EXPECT_EQ(r.cycles[1].min_elus, 0);
    EXPECT_EQ(r.cycles[1].min_agents, 1);
    EXPECT_EQ(r.applicants[0].id, "1");
    EXPECT_EQ(r.applicants[0].priority, 0);
    EXPECT_EQ(r.applicants[0].choices, (std::vector<std::size_t>{0, 1}));
    EXPECT_EQ(r.applicants[1].collectivite, "21002");
    EXPECT_EQ(r.applicants[0].arrival, r.applicants[1].arrival);  // 09:00 UTC both

    auto accented = al::parse_round(R"({"cycles":[{"id":"c","capacity":1}],
        "applicants":[{"id":"a","collectivite":"x","role":"élu","choices":["c"]}]})");
    ASSERT_TRUE(std::holds_alternative<al::Round>(accented));
    EXPECT_EQ(std::get<al::Round>(accented).applicants[0].role, al::Role::elu);
    EXPECT_FALSE(std::get<al::Round>(accented).applicants[0].arrival.has_value());
}

TEST(AllocationJson, Iso8601) {
    EXPECT_EQ(al::parse_iso8601("1970-01-02"), 86400.0);
    EXPECT_EQ(al::parse_iso8601("1970-01-01T00:01:30.5Z"), 90.5);
    EXPECT_EQ(al::parse_iso8601("1970-01-01T01:00-0030"), 5400.0);
    EXPECT_EQ(al::parse_iso8601("2024-02-30"), std::nullopt);
    EXPECT_EQ(al::parse_iso8601("2024-02-01T25:00"), std::nullopt);
    EXPECT_EQ(al::parse_iso8601("hier"), std::nullopt);
}

namespace {
std::string error_of(const std::string& json) {
    auto parsed = al::parse_round(json);
    if (auto* e = std::get_if<al::InputError>(&parsed)) return e->en;
    return "(accepted)";
}
const std::string ok_cycles = R"("cycles":[{"id":"c1","capacity":2}])";
std::string with_applicant(const std::string& fields) {
    return "{" + ok_cycles + R"(,"applicants":[{"id":"a17","collectivite":"x",)" + fields + "}]}";
}
}  // namespace

TEST(AllocationJson, ErrorsNameTheFaultyEntry) {
    EXPECT_EQ(error_of(with_applicant(R"("role":"elu","choices":["c1","c9"])")),
              R"(applicant "a17": choice "c9" is not a known cycle)");
    EXPECT_EQ(error_of(with_applicant(R"("role":"maire","choices":["c1"])")),
              R"(applicant "a17": role must be "elu" or "agent", got "maire")");
    EXPECT_EQ(error_of(with_applicant(R"("role":"elu","choices":["c1","c1"])")),
              R"(applicant "a17": cycle "c1" is chosen twice)");
    EXPECT_EQ(error_of(with_applicant(R"("role":"elu","choices":[])")),
              R"(applicant "a17": "choices" must be a non-empty list of cycle ids)");
    EXPECT_EQ(error_of(with_applicant(R"("role":"elu","choices":["c1"],"arrival":"demain")")),
              R"(applicant "a17": "arrival" is "demain", neither a number nor an ISO 8601 date)");
    EXPECT_EQ(error_of(R"({"cycles":[{"id":"c1","capacity":-1}],"applicants":[]})"),
              R"(cycle "c1": "capacity" is -1, expected an integer in 0 .. 1000000000)");
    EXPECT_EQ(error_of(R"({"cycles":[{"id":17,"capacity":1},{"id":"17","capacity":1}],"applicants":[]})"),
              R"(cycle "17": duplicate id)");
    EXPECT_EQ(error_of(R"({"cycles":[{"capacity":1}],"applicants":[]})"),
              "cycles[0]: missing or invalid id (string or integer expected)");
    const std::string twice = R"({"id":"a","collectivite":"x","role":"elu","choices":["c1"]})";
    EXPECT_EQ(error_of("{" + ok_cycles + R"(,"applicants":[)" + twice + "," + twice + "]}"),
              R"(applicant "a": duplicate id)");
    EXPECT_EQ(error_of(R"({"cycles":[)").rfind("malformed JSON: ", 0), 0u);
    EXPECT_EQ(error_of(R"([1,2])"), R"(document: expected an object with "cycles" and "applicants")");
    auto parsed = al::parse_round(with_applicant(R"("role":"elu","choices":["c9"])"));
    EXPECT_EQ(std::get<al::InputError>(parsed).fr, "candidat « a17 » : le choix « c9 » n’est pas un cycle connu");
    EXPECT_EQ(std::get<al::InputError>(parsed).entry, R"(applicant "a17")");
}

TEST(AllocationJson, WritesAssignmentsWaitingListsAndObjective) {
    auto parsed = al::parse_round(R"({"cycles":[{"id":"c1","capacity":1,"min_elus":0,"min_agents":0}],
        "applicants":[{"id":"a","collectivite":"x","role":"agent","choices":["c1"],"arrival":2},
                      {"id":"b\"","collectivite":"y","role":"elu","choices":["c1"],"arrival":1}]})");
    const auto text = al::to_json(al::solve(std::get<al::Round>(parsed)));
    EXPECT_EQ(text,
              "{\n  \"assignments\": {\n    \"b\\\"\": \"c1\"\n  },\n  \"waiting\": {\n    \"c1\": [\"a\"]\n  },\n"
              "  \"objective\": {\"filled\": 1, \"balance_deficit\": 0, \"priority\": 0, \"choice_rank\": 0, "
              "\"arrival_rank\": 0},\n  \"proven_optimal\": true,\n  \"proven_levels\": 5\n}\n");
}

// ---- property: the solver matches an exhaustive search on small rounds ----

namespace {

void exhaust(const al::Round& r, const std::vector<long long>& ranks, std::size_t i, al::Selection& cur,
             std::vector<long long>& seated, std::set<std::pair<std::size_t, std::string>>& used,
             std::optional<al::Objective>& best) {
    if (i == r.applicants.size()) {
        auto o = al::evaluate(r, cur, ranks);
        if (!best || al::better(o, *best)) best = o;
        return;
    }
    exhaust(r, ranks, i + 1, cur, seated, used, best);  // not seated
    for (std::size_t k : r.applicants[i].choices) {
        std::pair<std::size_t, std::string> pair{k, r.applicants[i].collectivite};
        if (seated[k] >= r.cycles[k].capacity || used.count(pair)) continue;
        ++seated[k], used.insert(pair), cur[i] = k;
        exhaust(r, ranks, i + 1, cur, seated, used, best);
        --seated[k], used.erase(pair), cur[i].reset();
    }
}

al::Objective brute_force(const al::Round& r) {
    al::Selection cur(r.applicants.size());
    std::vector<long long> seated(r.cycles.size(), 0);
    std::set<std::pair<std::size_t, std::string>> used;
    std::optional<al::Objective> best;
    exhaust(r, al::arrival_ranks(r), 0, cur, seated, used, best);
    return *best;
}

al::Round random_round(std::mt19937& rng) {
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    al::Round r;
    const int cycles = pick(1, 3), applicants = pick(0, 10), colls = pick(1, 4);
    for (int k = 0; k < cycles; ++k) {
        const long long cap = pick(0, 4);
        const bool defaults = pick(0, 2) == 0;
        r.cycles.push_back(cycle("c" + std::to_string(k), cap, defaults ? cap / 3 : pick(0, 3),
                                 defaults ? cap / 3 : pick(0, 3)));
    }
    for (int i = 0; i < applicants; ++i) {
        std::vector<std::size_t> order(cycles);
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), rng);
        order.resize(pick(1, cycles));
        std::optional<double> arrival;
        if (pick(0, 4)) arrival = pick(0, 6);  // ties on purpose
        r.applicants.push_back(person("a" + std::to_string(pick(0, 99)) + "_" + std::to_string(i),
                                      "x" + std::to_string(pick(1, colls)), pick(0, 1) ? elu : agent,
                                      pick(-1, 3), order, arrival));
    }
    return r;
}

}  // namespace

TEST(AllocationProperty, MatchesExhaustiveSearchOnAllFiveLevels) {
    std::mt19937 rng(20240601);
    int branched = 0;
    for (int round_no = 0; round_no < 600; ++round_no) {
        const auto r = random_round(rng);
        const auto expected = brute_force(r);
        for (long double limit : {0x1p58L, 0.0L}) {  // merged levels, then one stage per level
            al::SolverOptions options;
            options.merged_cost_limit = limit;
            const auto s = al::optimise(r, options);
            ASSERT_EQ(al::broken_rule(r, s.selection), std::nullopt) << "round " << round_no;
            ASSERT_EQ(al::evaluate(r, s.selection), s.objective) << "round " << round_no;
            ASSERT_EQ(s.proven_levels, 5);
            const auto& o = s.objective;
            ASSERT_EQ(o, expected) << "round " << round_no << " got (" << o.filled << ", " << o.balance_deficit
                                   << ", " << o.priority << ", " << o.choice_rank << ", " << o.arrival_rank
                                   << ") expected (" << expected.filled << ", " << expected.balance_deficit << ", "
                                   << expected.priority << ", " << expected.choice_rank << ", "
                                   << expected.arrival_rank << ")";
            branched += s.relaxations > 1;
        }
    }
    EXPECT_GT(branched, 20);  // the relaxation alone is not exact: the search must have worked
}
