#include "features/running/domain/breakout_groups.hpp"
#include "features/running/domain/breakout_groups_json.hpp"
#include "features/running/domain/breakout_groups_search.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

namespace ateliers::groups {
namespace {

using namespace std::chrono_literals;

// Counts recomputed from scratch, independently of the solver's own evaluate().
Score recount(const Problem& problem, const std::vector<Round>& rounds) {
    Score score;
    std::map<std::pair<int, int>, int> met;
    const bool roles = std::ranges::any_of(problem.participants, [](const auto& p) { return p.role != Role::unspecified; });
    for (const auto& round : rounds)
        for (const auto& group : round) {
            std::set<Role> seen;
            for (int a : group) {
                seen.insert(problem.participants[a].role);
                for (int b : group) {
                    if (a >= b) continue;
                    const auto& ca = problem.participants[a].collectivite;
                    if (!ca.empty() && ca == problem.participants[b].collectivite) ++score.same_collectivite_pairs;
                    if (++met[{a, b}] >= 2) ++score.repeated_pairs;
                }
            }
            if (roles && !group.empty() && !(seen.contains(Role::elu) && seen.contains(Role::agent)))
                ++score.groups_without_mix;
        }
    return score;
}

bool absent(const Participant& who, int session) { return std::ranges::find(who.absent, session) != who.absent.end(); }

// Every output must pass this: one place per present participant and session,
// balanced groups in the planned sessions, clients inside their group and at
// most once each, and counts that match a recount.
void expect_valid(const Problem& problem, const Plan& plan) {
    ASSERT_EQ(std::ssize(plan.rounds), problem.sessions);
    ASSERT_EQ(plan.clients.size(), plan.rounds.size());
    for (int s = 0; s < problem.sessions; ++s) {
        const auto& round = plan.rounds[s];
        const bool planned = s >= std::ssize(problem.past);
        std::vector<int> seen(problem.participants.size(), 0);
        for (const auto& group : round)
            for (int p : group) ++seen[p];
        for (std::size_t p = 0; p < problem.participants.size() && planned; ++p)
            EXPECT_EQ(seen[p], absent(problem.participants[p], s) ? 0 : 1) << "session " << s << " participant " << p;
        if (planned) {
            ASSERT_EQ(std::ssize(round), problem.groups);
            const auto [small, large] = std::ranges::minmax(round, {}, [](const Group& g) { return g.size(); });
            EXPECT_LE(large.size() - small.size(), 1u) << "session " << s;
        }
        ASSERT_EQ(plan.clients[s].size(), round.size());
        for (std::size_t g = 0; g < round.size(); ++g) {
            const int c = plan.clients[s][g];
            if (c >= 0) {
                EXPECT_NE(std::ranges::find(round[g], c), round[g].end()) << "client outside its group";
            }
        }
    }
    std::map<int, int> times_client;
    for (const auto& round : plan.clients)
        for (int c : round)
            if (c >= 0) {
                EXPECT_EQ(++times_client[c], 1) << "participant " << c << " client twice";
            }
    EXPECT_EQ(plan.score, recount(problem, plan.rounds));
    EXPECT_LE(plan.lower_bound, plan.score);
}

Participant person(std::string id, Role role, std::string collectivite) {
    Participant p;
    p.id = std::move(id);
    p.role = role;
    p.collectivite = std::move(collectivite);
    return p;
}

// 15 people, 6 élus and 9 agents, three collectivités shared by two people.
Problem fifteen() {
    Problem problem;
    problem.groups = 3;
    problem.sessions = 4;
    const char* shared[] = {"pelussin", "pelussin", "annonay", "annonay", "vienne", "vienne"};
    for (int i = 0; i < 15; ++i)
        problem.participants.push_back(person("p" + std::to_string(i), i % 5 == 0 || i % 5 == 3 ? Role::elu : Role::agent,
                                              i < 6 ? shared[i] : "commune " + std::to_string(i)));
    return problem;
}

// 40 people in collectivités of one to three, 16 élus.
Problem forty() {
    Problem problem;
    problem.groups = 8;
    problem.sessions = 6;
    for (int i = 0; i < 40; ++i)
        problem.participants.push_back(person("q" + std::to_string(i), i % 5 == 0 || i % 5 == 2 ? Role::elu : Role::agent,
                                              "c" + std::to_string(i * 7 % 23)));
    return problem;
}

Options quick(std::uint64_t seed = 1) { return Options{.seed = seed, .time_limit = 20s, .patience = 20'000}; }

TEST(BreakoutGroups, KirkmanSchoolgirlsHaveNoRepeatedPair) {
    const auto plan = golfers(5, 3, 7, 1, 30s);
    ASSERT_TRUE(plan.ok()) << plan.failure().message;
    expect_valid(golfers_problem({5, 3, 7}), plan.value());
    EXPECT_EQ(plan->score.repeated_pairs, 0);
    EXPECT_FALSE(plan->stopped_by_time);
}

TEST(BreakoutGroups, SearchAloneSolvesSmallGolfers) {
    const auto problem = golfers_problem({4, 4, 5});
    const auto plan = solve(problem, Options{.seed = 3, .time_limit = 30s, .patience = 0, .construction = false});
    ASSERT_TRUE(plan.ok());
    expect_valid(problem, plan.value());
    EXPECT_EQ(plan->score.repeated_pairs, 0);
}

TEST(BreakoutGroups, AffineStartSolvesEightFourNine) {
    const auto plan = golfers(8, 4, 9, 1, 60s);
    ASSERT_TRUE(plan.ok());
    expect_valid(golfers_problem({8, 4, 9}), plan.value());
    EXPECT_EQ(plan->score.repeated_pairs, 0);
}

// Each round a partition of the G*S golfers into G groups of S, and no pair
// meeting twice: what a resolvable design promises, recounted here.
void expect_design(int groups, int size, int weeks, const std::vector<Round>& rounds) {
    ASSERT_EQ(std::ssize(rounds), weeks) << groups << "-" << size << "-" << weeks;
    const int n = groups * size;
    std::set<std::pair<int, int>> met;
    for (const auto& round : rounds) {
        ASSERT_EQ(std::ssize(round), groups);
        std::vector<int> seen(n, 0);
        for (const auto& group : round) {
            ASSERT_EQ(std::ssize(group), size);
            for (int p : group) {
                ASSERT_TRUE(p >= 0 && p < n);
                ++seen[p];
                for (int q : group) {
                    if (p < q) {
                        EXPECT_TRUE(met.insert({p, q}).second) << "pair " << p << "," << q << " met twice";
                    }
                }
            }
        }
        EXPECT_TRUE(std::ranges::all_of(seen, [](int k) { return k == 1; }));
    }
}

TEST(BreakoutGroupsStarter, DevelopsResolvableDesignsOfTheClassicTable) {
    // Kirkman and nearly Kirkman triple systems, round robins, and the
    // resolvable designs with groups of four that the local search alone
    // did not reach in a minute (7-4-9 ended at 20 repeated pairs).
    const std::vector<std::array<int, 3>> instances = {
        {10, 2, 19}, {5, 3, 7}, {6, 3, 8}, {7, 3, 10}, {8, 3, 11}, {9, 3, 13},
        {10, 3, 14}, {5, 4, 5}, {6, 4, 7}, {7, 4, 9}, {9, 4, 11}, {10, 4, 13}};
    for (const auto& [g, s, w] : instances) expect_design(g, s, w, starter_rounds(g, s, w, 1, 3'000'000));
}

TEST(BreakoutGroupsStarter, SameSeedSameDesignAndNothingPastTheBound) {
    EXPECT_EQ(starter_rounds(7, 4, 9, 5, 3'000'000), starter_rounds(7, 4, 9, 5, 3'000'000));
    // 28 golfers in fours meet at most 27 others, 3 a week: 10 weeks cannot be repeat-free.
    EXPECT_TRUE(starter_rounds(7, 4, 10, 1, 3'000'000).empty());
    EXPECT_TRUE(starter_rounds(7, 4, 9, 1, 0).empty());
    EXPECT_TRUE(starter_rounds(3, 4, 2, 1, 3'000'000).empty());  // more golfers per group than groups
}

TEST(BreakoutGroups, ClassicInstancesReachZeroFromTheirDesign) {
    for (const auto& [g, s, w] : std::vector<std::array<int, 3>>{{7, 4, 9}, {10, 4, 13}, {10, 3, 14}}) {
        const auto start = std::chrono::steady_clock::now();
        const auto plan = golfers(g, s, w, 1, 60s);
        ASSERT_TRUE(plan.ok());
        expect_valid(golfers_problem({g, s, w}), plan.value());
        EXPECT_EQ(plan->score.repeated_pairs, 0) << g << "-" << s << "-" << w;
        EXPECT_EQ(plan->iterations, 0) << "the design alone is the answer";
        EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
    }
}

TEST(BreakoutGroups, PastTheBoundTheDesignStillStartsTheSearch) {
    // 7-4-10 cannot be repeat-free: 420 seats beside someone for 378 pairs,
    // so at least 42 repeats, which the 9 perfect weeks plus any tenth give.
    const auto plan = golfers(7, 4, 10, 1, 20s);
    ASSERT_TRUE(plan.ok());
    expect_valid(golfers_problem({7, 4, 10}), plan.value());
    EXPECT_EQ(plan->lower_bound.repeated_pairs, 42);
    EXPECT_EQ(plan->score.repeated_pairs, 42);
    EXPECT_FALSE(plan->stopped_by_time);
}

TEST(BreakoutGroups, ProductSizeKeepsCollectivitesApartAndMixesEveryGroup) {
    const auto problem = fifteen();
    const auto plan = solve(problem, quick());
    ASSERT_TRUE(plan.ok());
    expect_valid(problem, plan.value());
    EXPECT_EQ(plan->score.same_collectivite_pairs, 0);
    EXPECT_EQ(plan->score.groups_without_mix, 0);
    // 12 slots for 15 situations: every slot gets a distinct client.
    for (const auto& round : plan->clients) EXPECT_EQ(std::ranges::count(round, -1), 0);
}

TEST(BreakoutGroups, ClientPlanCoversEverybodyWhenSlotsAllow) {
    const auto problem = forty();  // 48 slots for 40 participants
    const auto plan = solve(problem, quick());
    ASSERT_TRUE(plan.ok());
    expect_valid(problem, plan.value());
    std::set<int> clients;
    for (const auto& round : plan->clients)
        for (int c : round)
            if (c >= 0) clients.insert(c);
    EXPECT_EQ(clients.size(), 40u);
    EXPECT_EQ(plan->score.same_collectivite_pairs, 0);
    EXPECT_EQ(plan->score.groups_without_mix, 0);
}

TEST(BreakoutGroups, SameSeedSamePlan) {
    const auto problem = fifteen();
    const auto a = solve(problem, quick(7));
    const auto b = solve(problem, quick(7));
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->rounds, b->rounds);
    EXPECT_EQ(a->clients, b->clients);
    EXPECT_EQ(a->iterations, b->iterations);
}

TEST(BreakoutGroups, LocksAndAbsencesAreRespected) {
    auto problem = forty();
    problem.participants[3].locks = {{1, 2}, {4, 0}};
    problem.participants[5].locks = {{1, 2}};
    problem.participants[8].absent = {0, 2};
    problem.participants[9].absent = {2};
    const auto plan = solve(problem, quick());
    ASSERT_TRUE(plan.ok()) << plan.failure().message;
    expect_valid(problem, plan.value());
    auto in = [&](int session, int group, int p) { return std::ranges::find(plan->rounds[session][group], p) != plan->rounds[session][group].end(); };
    EXPECT_TRUE(in(1, 2, 3));
    EXPECT_TRUE(in(4, 0, 3));
    EXPECT_TRUE(in(1, 2, 5));
    EXPECT_EQ(plan->score.same_collectivite_pairs, 0);
}

TEST(BreakoutGroups, ReplanKeepsPastRoundsAndClients) {
    const auto first = solve(fifteen(), quick());
    ASSERT_TRUE(first.ok());
    auto problem = fifteen();
    problem.past = {first->rounds[0], first->rounds[1]};
    problem.past_clients = {first->clients[0], first->clients[1]};
    problem.participants[4].absent = {3};
    const auto plan = solve(problem, quick(2));
    ASSERT_TRUE(plan.ok()) << plan.failure().message;
    expect_valid(problem, plan.value());
    EXPECT_EQ(plan->rounds[0], first->rounds[0]);
    EXPECT_EQ(plan->rounds[1], first->rounds[1]);
    EXPECT_EQ(plan->clients[0], first->clients[0]);
    EXPECT_EQ(plan->clients[1], first->clients[1]);
}

TEST(BreakoutGroups, ReplanCountsPastMeetingsAsMet) {
    const auto kirkman = golfers(5, 3, 7, 4, 30s);
    ASSERT_TRUE(kirkman.ok());
    auto problem = golfers_problem({5, 3, 7});
    problem.past.assign(kirkman->rounds.begin(), kirkman->rounds.begin() + 3);
    const auto plan = solve(problem, Options{.seed = 9, .time_limit = 30s, .patience = 0});
    ASSERT_TRUE(plan.ok());
    expect_valid(problem, plan.value());
    EXPECT_EQ(plan->score.repeated_pairs, 0);  // the four new days avoid every pair of the first three
    for (int s = 0; s < 3; ++s) EXPECT_EQ(plan->rounds[s], kirkman->rounds[s]);
}

TEST(BreakoutGroups, ForcedConflictsMeetTheirBound) {
    Problem problem;
    problem.groups = 3;
    problem.sessions = 2;
    for (int i = 0; i < 9; ++i)  // four people of one collectivité cannot fit in three groups
        problem.participants.push_back(person("x" + std::to_string(i), Role::agent, i < 4 ? "lyon" : "c" + std::to_string(i)));
    const auto plan = solve(problem, quick());
    ASSERT_TRUE(plan.ok());
    expect_valid(problem, plan.value());
    EXPECT_EQ(plan->score.same_collectivite_pairs, 2);  // one pair per session
    EXPECT_EQ(plan->score.groups_without_mix, 6);       // no élu at all
    EXPECT_EQ(plan->lower_bound.same_collectivite_pairs, 2);
}

TEST(BreakoutGroups, TimeLimitStopsTheSearch) {
    const auto problem = golfers_problem({8, 5, 8});
    const auto start = std::chrono::steady_clock::now();
    const auto plan = solve(problem, Options{.time_limit = 300ms, .patience = 0, .construction = false});
    ASSERT_TRUE(plan.ok());
    EXPECT_TRUE(plan->stopped_by_time);
    EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
    expect_valid(problem, plan.value());
}

TEST(BreakoutGroups, InvalidProblemsNameTheEntry) {
    auto problem = fifteen();
    problem.participants[2].locks = {{0, 3}};
    auto result = solve(problem, quick());
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.failure().field, "participants[2].locks");
    EXPECT_NE(result.failure().message.find("p2"), std::string::npos);

    problem = fifteen();
    for (int i = 0; i < 6; ++i) problem.participants[i].locks = {{1, 0}};  // groups of five
    result = solve(problem, quick());
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.failure().field, "participants[5].locks");

    problem = fifteen();
    problem.participants[1].absent = {4};
    EXPECT_EQ(validate(problem).failure().field, "participants[1].absent");
}

TEST(BreakoutGroupsSpec, ParsesGolfers) {
    const auto spec = parse_golfers_spec("8-4-9");
    ASSERT_TRUE(spec.ok());
    EXPECT_EQ(spec->groups, 8);
    EXPECT_EQ(spec->size, 4);
    EXPECT_EQ(spec->weeks, 9);
    for (const char* bad : {"8-4", "8-4-9-1", "a-4-9", "0-4-9", "8--9", "8-4-9x", ""})
        EXPECT_FALSE(parse_golfers_spec(bad).ok()) << bad;
}

constexpr const char* people_json = R"({"participants": [
  {"id": "ana", "role": "elu", "collectivite": "Pélussin", "locks": [{"session": 0, "group": 1}]},
  {"id": "bob", "role": "agent", "collectivite": "pelussin"},
  {"id": "cyd", "role": "agent", "collectivite": "Annonay", "absent": [1]},
  {"id": "dan", "role": "élu", "collectivite": null},
  {"id": "eve", "role": "agent", "collectivite": "Vienne"},
  {"id": 6, "role": "agent"}]})";

TEST(BreakoutGroupsJson, ParsesPeopleAndPrintsThePlan) {
    const auto problem = parse_people(people_json, 2, 2);
    ASSERT_TRUE(problem.ok()) << problem.failure().message;
    EXPECT_EQ(problem->participants[0].collectivite, problem->participants[1].collectivite);
    EXPECT_EQ(problem->participants[3].role, Role::elu);
    EXPECT_EQ(problem->participants[5].id, "6");
    const auto plan = solve(problem.value(), quick());
    ASSERT_TRUE(plan.ok());
    expect_valid(problem.value(), plan.value());
    const auto out = nlohmann::json::parse(to_json(problem.value(), plan.value()));
    EXPECT_EQ(out["rounds"].size(), 2u);
    EXPECT_EQ(out["rounds"][1][0].size() + out["rounds"][1][1].size(), 5u);  // cyd is away
    EXPECT_NE(std::ranges::find(out["rounds"][0][1], "ana"), out["rounds"][0][1].end());
    EXPECT_EQ(out["clients"].size(), 2u);
    EXPECT_EQ(out["same_collectivite_pairs"], 0);
    EXPECT_EQ(out["groups_without_mix"], 0);
    EXPECT_TRUE(out["repeated_pairs"].is_number_integer());
}

TEST(BreakoutGroupsJson, ReadsPastRoundsFromAnEarlierOutput) {
    const std::string text = R"({"participants": [{"id": "a", "role": "elu"}, {"id": "b", "role": "agent"},
        {"id": "c", "role": "elu"}, {"id": "d", "role": "agent"}],
        "past_rounds": [[["a", "b"], ["c", "d"]]], "past_clients": [["b", null]]})";
    const auto problem = parse_people(text, 2, 2);
    ASSERT_TRUE(problem.ok()) << problem.failure().message;
    const auto plan = solve(problem.value(), quick());
    ASSERT_TRUE(plan.ok());
    expect_valid(problem.value(), plan.value());
    const auto out = nlohmann::json::parse(to_json(problem.value(), plan.value()));
    EXPECT_EQ(out["rounds"][0], nlohmann::json::parse(R"([["a", "b"], ["c", "d"]])"));
    EXPECT_EQ(out["clients"][0], nlohmann::json::parse(R"(["b", null])"));
    EXPECT_EQ(out["repeated_pairs"], 0);  // then a-d and c-b
}

TEST(BreakoutGroupsJson, GolfersPrintNumbers) {
    const auto plan = golfers(2, 2, 3, 1, 10s);
    ASSERT_TRUE(plan.ok());
    const auto out = nlohmann::json::parse(golfers_to_json(plan.value()));
    std::set<int> seen;
    for (const auto& group : out["rounds"][0])
        for (const auto& golfer : group) seen.insert(golfer.get<int>());
    EXPECT_EQ(seen, (std::set<int>{1, 2, 3, 4}));
    EXPECT_FALSE(out.contains("clients"));
    EXPECT_EQ(out["repeated_pairs"], 0);
}

TEST(BreakoutGroupsJson, InvalidInputNamesTheEntry) {
    const std::pair<const char*, const char*> cases[] = {
        {R"({"participants": [{"id": "a", "role": "maire"}]})", "participants[0].role"},
        {R"({"participants": [{"id": "a", "role": "elu"}, {"id": "a", "role": "agent"}]})", "participants[1].id"},
        {R"({"participants": [{"role": "elu"}]})", "participants[0].id"},
        {R"({"participants": [{"id": "a", "role": "elu", "locks": [{"session": 0}]}]})", "participants[0].locks"},
        {R"({"participants": [{"id": "a", "role": "elu", "collectivite": 3}]})", "participants[0].collectivite"},
        {R"({"participants": [{"id": "a", "role": "elu", "absent": "1"}]})", "participants[0].absent"},
        {R"({"participants": [{"id": "a", "role": "elu"}, {"id": "b", "role": "agent"}],
            "past_rounds": [[["a", "zoe"]]]})", "past_rounds[0][0]"},
        {R"({"participants": [)", "input"},
        {R"({"people": []})", "participants"},
    };
    for (const auto& [text, field] : cases) {
        const auto result = parse_people(text, 1, 2);
        ASSERT_FALSE(result.ok()) << text;
        EXPECT_EQ(result.failure().field, field) << result.failure().message;
        EXPECT_FALSE(result.failure().message.empty());
    }
}

}  // namespace
}  // namespace ateliers::groups
