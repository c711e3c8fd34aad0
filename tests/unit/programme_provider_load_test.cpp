// Providers' load on the agency's dashboard: members and the actions' "Prestataires"
// field are matched by folded name; open and overdue actions are counted per provider;
// the most loaded come first.
#include <gtest/gtest.h>

#include "features/programmes/domain/provider_load.hpp"

using namespace ateliers::programmes;

namespace {
constexpr long long week = 7 * 24 * 3600;
constexpr long long now = 100 * week;
}  // namespace

TEST(ProgrammeProviderLoad, NamesAreSplitOnCommasAndTrimmed) {
    struct Case {
        const char* field;
        std::vector<std::string> names;
    } cases[] = {
        {"", {}},
        {"  ", {}},
        {"Atelier du Changement", {"Atelier du Changement"}},
        {"A , B,, C ", {"A", "B", "C"}},
        {",A,", {"A"}},
    };
    for (const auto& c : cases) EXPECT_EQ(provider_names(c.field), c.names) << c.field;
}

TEST(ProgrammeProviderLoad, MembersAndActionsAreMatchedByFoldedName) {
    const std::vector<ProviderAssignment> members{
        {"Atelier du Changement", "a@atelier.fr", 1},
        {"Atelier du Changement", "b@atelier.fr", 2},
        {"atelier du changement", "c@atelier.fr", 2},  // same territory twice: once
        {"", "solo@exemple.fr", 3},                    // no organisation: named by e-mail
    };
    const std::vector<CarriedAction> actions{
        {1, "ATELIER DU CHANGEMENT", "en_cours", now - 7 * week},          // open, overdue
        {2, "Atelier du changement, Cabinet Écoute", "bloquee", now - week},  // open
        {2, "Atelier du Changement", "faite", now - 50 * week},             // done: never overdue
        {3, "Cabinet Ecoute, Cabinet Écoute", "proposee", now - 9 * week},  // named twice: once
    };
    const auto load = provider_load(members, actions, now);
    ASSERT_EQ(load.size(), 3u);

    EXPECT_EQ(load[0].name, "Atelier du Changement");
    EXPECT_EQ(load[0].territories, (std::vector<long long>{1, 2}));
    EXPECT_EQ(load[0].actions, 3);
    EXPECT_EQ(load[0].open, 2);
    EXPECT_EQ(load[0].overdue, 1);
    EXPECT_EQ(load[0].by_status.at("en_cours"), 1);
    EXPECT_EQ(load[0].by_status.at("bloquee"), 1);
    EXPECT_EQ(load[0].by_status.at("faite"), 1);

    EXPECT_EQ(load[1].name, "Cabinet Écoute");  // named in actions only: no territory assigned
    EXPECT_TRUE(load[1].territories.empty());
    EXPECT_EQ(load[1].actions, 2);
    EXPECT_EQ(load[1].open, 2);
    EXPECT_EQ(load[1].overdue, 1);

    EXPECT_EQ(load[2].name, "solo@exemple.fr");
    EXPECT_EQ(load[2].territories, (std::vector<long long>{3}));
    EXPECT_EQ(load[2].actions, 0);
}

TEST(ProgrammeProviderLoad, MostLoadedFirst) {
    // Same open count: more overdue first; then more territories; then name.
    const std::vector<ProviderAssignment> members{{"Bravo", "b@x.fr", 1}, {"Bravo", "b@x.fr", 2}, {"Alpha", "a@x.fr", 1},
                                                  {"Charlie", "c@x.fr", 1}};
    const std::vector<CarriedAction> actions{
        {1, "Alpha", "en_cours", now}, {1, "Bravo", "en_cours", now}, {1, "Charlie", "en_cours", now - 8 * week},
        {1, "Delta", "faite", now}};
    const auto load = provider_load(members, actions, now);
    std::vector<std::string> order;
    for (const auto& p : load) order.push_back(p.name);
    EXPECT_EQ(order, (std::vector<std::string>{"Charlie", "Bravo", "Alpha", "Delta"}));
}
