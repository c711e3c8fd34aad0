#include <gtest/gtest.h>

#include "platform/core/paris_time.hpp"

using namespace ateliers::paris_time;

TEST(ParisTime, SummerAndWinterOffsets) {
    // 2024-10-17 11:30 UTC is 13:30 in Paris (CEST); 2024-11-07 12:30 UTC is 13:30 (CET).
    EXPECT_EQ(to_utc(2024, 10, 17, 13, 30), days_from_civil(2024, 10, 17) * 86400 + 11 * 3600 + 30 * 60);
    EXPECT_EQ(to_utc(2024, 11, 7, 13, 30), days_from_civil(2024, 11, 7) * 86400 + 12 * 3600 + 30 * 60);
}

TEST(ParisTime, TransitionsAtOneUtcOnLastSundays) {
    const auto march_switch = days_from_civil(2025, 3, 30) * 86400 + 3600;  // 2025-03-30 01:00 UTC
    EXPECT_EQ(utc_offset_minutes(march_switch - 1), 60);
    EXPECT_EQ(utc_offset_minutes(march_switch), 120);
    const auto october_switch = days_from_civil(2025, 10, 26) * 86400 + 3600;
    EXPECT_EQ(utc_offset_minutes(october_switch - 1), 120);
    EXPECT_EQ(utc_offset_minutes(october_switch), 60);
}

TEST(ParisTime, RoundTripKeepsWallClock) {
    for (int month = 1; month <= 12; ++month) {
        const auto t = to_local(to_utc(2026, month, 15, 8, 30));
        EXPECT_EQ(t.month, month);
        EXPECT_EQ(t.day, 15);
        EXPECT_EQ(t.hour, 8);
        EXPECT_EQ(t.minute, 30);
    }
}

TEST(ParisTime, FrenchFormatting) {
    const auto t = to_utc(2024, 10, 17, 13, 30);
    EXPECT_EQ(long_date(t), "jeudi 17 octobre 2024");
    EXPECT_EQ(time_of_day(t), "13 h 30");
    EXPECT_EQ(time_of_day(to_utc(2024, 11, 7, 9, 0)), "9 h");
    EXPECT_EQ(long_date(to_utc(2026, 12, 1, 10, 0)), "mardi 1er décembre 2026");
    EXPECT_EQ(iso_date(t), "2024-10-17");
}

TEST(CivilDate, ReadsTheDateFieldAndTheFrenchWayOfTypingIt) {
    const auto iso = parse_civil_date("2027-01-14");
    ASSERT_TRUE(iso);
    EXPECT_EQ(iso->year, 2027);
    EXPECT_EQ(iso->month, 1);
    EXPECT_EQ(iso->day, 14);
    const auto french = parse_civil_date(" 4/3/2027 ");
    ASSERT_TRUE(french);
    EXPECT_EQ(french->month, 3);
    EXPECT_EQ(french->day, 4);
}

TEST(CivilDate, RefusesDaysThatDoNotExistAndYearsOutOfRange) {
    for (const char* bad : {"31/02/2027", "29/02/2027", "2027-13-01", "00/01/2027", "1999-12-31", "2101-01-01",
                            "14-01-2027", "2027/01/14", "demain", ""})
        EXPECT_FALSE(parse_civil_date(bad)) << bad;
    EXPECT_TRUE(parse_civil_date("29/02/2028"));
}
