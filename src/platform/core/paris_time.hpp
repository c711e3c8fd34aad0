#pragma once
// Europe/Paris civil time from UTC and back, by the EU rule in force since 1996
// (CEST from the last Sunday of March 01:00 UTC to the last Sunday of October
// 01:00 UTC). Pure, so that rendering and iCalendar agree without a tz database.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ateliers::paris_time {

struct LocalDateTime {
    int year = 1970, month = 1, day = 1, hour = 0, minute = 0;
    int weekday = 4;  // 0 = Sunday … 6 = Saturday
};

int utc_offset_minutes(std::int64_t utc_seconds);
LocalDateTime to_local(std::int64_t utc_seconds);
// A Paris wall-clock time to UTC. In the autumn overlap the earlier (summer) instant wins.
std::int64_t to_utc(int year, int month, int day, int hour, int minute);

// "jeudi 17 octobre 2024"
std::string long_date(std::int64_t utc_seconds);
// "13 h 30" (French typographic convention; "9 h" when on the hour)
std::string time_of_day(std::int64_t utc_seconds);
// "2024-10-17"
std::string iso_date(std::int64_t utc_seconds);
// "2024-10-17T13:30:00+02:00"
std::string iso8601(std::int64_t utc_seconds);
// "2024-10" (month key used by filters)
std::string month_key(std::int64_t utc_seconds);
// "octobre 2024"
std::string month_and_year(std::int64_t utc_seconds);

const char* weekday_name(int weekday);
const char* month_name(int month);

std::int64_t days_from_civil(int y, int m, int d);

struct CivilDate {
    int year = 0, month = 0, day = 0;
};
// A date as people type it: "2027-01-14" (date fields) or "14/01/2027"; a day that
// exists, between 2000 and 2100. nullopt otherwise (31/02 does not slip into March).
std::optional<CivilDate> parse_civil_date(std::string_view typed);

}  // namespace ateliers::paris_time
