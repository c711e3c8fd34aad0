#include <gtest/gtest.h>

#include "platform/referential/size_class.hpp"

using namespace ateliers::referential;

TEST(SizeClass, CommunesByPopulation) {
    struct Case {
        long long population;
        const char* expected;
    } cases[] = {{0, "commune_small"},        {3499, "commune_small"},   {3500, "commune_medium"},
                 {3727, "commune_medium"},    {19999, "commune_medium"}, {20000, "commune_large"},
                 {99999, "commune_large"},    {100000, "commune_xlarge"}};
    for (const auto& c : cases) EXPECT_EQ(size_class(CollectiviteKind::commune, c.population, ""), c.expected);
}

TEST(SizeClass, EpciByPopulationAndMetropolesAlwaysLarge) {
    EXPECT_EQ(size_class(CollectiviteKind::epci, 17398, "CC"), "epci_small");
    EXPECT_EQ(size_class(CollectiviteKind::epci, 30000, "CA"), "epci_medium");
    EXPECT_EQ(size_class(CollectiviteKind::epci, 100000, "CA"), "epci_large");
    EXPECT_EQ(size_class(CollectiviteKind::epci, 90000, "METRO"), "epci_large");
}

TEST(SizeClass, PriorityPublicIsSmallAndMediumCommunesAndIntercommunalites) {
    EXPECT_TRUE(is_priority_size_class("commune_small"));
    EXPECT_TRUE(is_priority_size_class("commune_medium"));
    EXPECT_TRUE(is_priority_size_class("epci_small"));
    EXPECT_TRUE(is_priority_size_class("epci_medium"));
    EXPECT_FALSE(is_priority_size_class("commune_large"));
    EXPECT_FALSE(is_priority_size_class("epci_large"));
    EXPECT_FALSE(is_priority_size_class("region"));
}

TEST(SizeClass, LabelsAreFrench) {
    EXPECT_EQ(size_class_label("commune_small"), "Commune de moins de 3 500 habitants");
}
