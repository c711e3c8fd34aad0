// The badge sheet in parts of twelve A4 pages, so that no part outlasts the conversion cap.
#include <gtest/gtest.h>

#include "features/events/domain/badge_sheet.hpp"

using namespace ateliers::events;

TEST(EventBadgeSheet, FiveHundredBadgesMakeSixPartsOfTwelvePagesAtMost) {
    const auto parts = sheet_parts(500);
    ASSERT_EQ(parts.size(), 6u);
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(parts[i].number, static_cast<int>(i) + 1);
        EXPECT_EQ(parts[i].first, i * 96);
        EXPECT_EQ(parts[i].count, 96u);
        EXPECT_EQ(parts[i].pages(), 12u);
    }
    EXPECT_EQ(parts[5].first, 480u);
    EXPECT_EQ(parts[5].count, 20u);
    EXPECT_EQ(parts[5].pages(), 3u);
}

TEST(EventBadgeSheet, SmallAndEmptySheetsAreOnePart) {
    EXPECT_EQ(sheet_parts(96).size(), 1u);
    EXPECT_EQ(sheet_parts(97).size(), 2u);
    const auto empty = sheet_parts(0);
    ASSERT_EQ(empty.size(), 1u);
    EXPECT_EQ(empty[0].count, 0u);
}

TEST(EventBadgeSheet, OnlyTheSheetsOwnPartsAreFound) {
    EXPECT_FALSE(sheet_part(500, 0).has_value());
    EXPECT_FALSE(sheet_part(500, 7).has_value());
    ASSERT_TRUE(sheet_part(500, 6).has_value());
    EXPECT_EQ(sheet_part(500, 6)->first, 480u);
    EXPECT_EQ(sheet_part(10, 2, 4)->count, 4u);
}
