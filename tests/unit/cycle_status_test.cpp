#include <gtest/gtest.h>

#include "features/cycles/domain/cycle_status.hpp"

using namespace ateliers;

TEST(CycleStatus, CodesRoundTripAndUnknownCodesAreRefused) {
    for (auto s : {CycleStatus::draft, CycleStatus::published, CycleStatus::closed})
        EXPECT_EQ(parse_cycle_status(code_of(s)), s);
    EXPECT_FALSE(parse_cycle_status("Published").has_value());
    EXPECT_FALSE(parse_cycle_status("").has_value());
}

TEST(CycleStatus, AnUnknownStoredCodeIsNeverPublic) {
    EXPECT_EQ(cycle_status_or_draft("archived"), CycleStatus::draft);
}

TEST(CycleStatus, FrenchLabels) {
    EXPECT_EQ(label_of(CycleStatus::draft), "Brouillon");
    EXPECT_EQ(label_of(CycleStatus::published), "Publié");
    EXPECT_EQ(label_of(CycleStatus::closed), "Clos");
}
