#include "platform/core/paris_time.hpp"

#include <regex>

#include "platform/core/text.hpp"

#include <array>
#include <cstdio>

namespace ateliers::paris_time {

// Howard Hinnant's days_from_civil / civil_from_days algorithms.
std::int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

namespace {

void civil_from_days(std::int64_t z, int& y, int& m, int& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(yoe) + static_cast<int>(era) * 400 + (m <= 2);
}

int weekday_of_days(std::int64_t days) { return static_cast<int>(days >= -4 ? (days + 4) % 7 : (days + 5) % 7 + 6); }

std::int64_t last_sunday_utc_1am(int year, int month) {
    const int last_day = month == 3 ? 31 : 31;  // March and October both have 31 days
    const auto days = days_from_civil(year, month, last_day);
    return (days - weekday_of_days(days)) * 86400 + 3600;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

int utc_offset_minutes(std::int64_t utc_seconds) {
    int y, m, d;
    civil_from_days(floor_div(utc_seconds, 86400), y, m, d);
    const bool summer = utc_seconds >= last_sunday_utc_1am(y, 3) && utc_seconds < last_sunday_utc_1am(y, 10);
    return summer ? 120 : 60;
}

LocalDateTime to_local(std::int64_t utc_seconds) {
    const std::int64_t local = utc_seconds + utc_offset_minutes(utc_seconds) * 60;
    const auto days = floor_div(local, 86400);
    LocalDateTime t;
    civil_from_days(days, t.year, t.month, t.day);
    const auto secs = local - days * 86400;
    t.hour = static_cast<int>(secs / 3600);
    t.minute = static_cast<int>(secs % 3600 / 60);
    t.weekday = weekday_of_days(days);
    return t;
}

std::int64_t to_utc(int year, int month, int day, int hour, int minute) {
    const std::int64_t naive = days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60;
    // Try summer time first, then winter: the first offset consistent with itself wins.
    for (int offset : {120, 60}) {
        const auto candidate = naive - offset * 60;
        if (utc_offset_minutes(candidate) == offset) return candidate;
    }
    return naive - 3600;  // spring-forward gap: interpret as winter time
}

const char* weekday_name(int weekday) {
    static constexpr std::array<const char*, 7> names{"dimanche", "lundi", "mardi", "mercredi",
                                                      "jeudi",    "vendredi", "samedi"};
    return names.at(static_cast<std::size_t>(weekday % 7));
}

const char* month_name(int month) {
    static constexpr std::array<const char*, 12> names{"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                                       "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
    return names.at(static_cast<std::size_t>(month - 1));
}

std::string long_date(std::int64_t utc_seconds) {
    const auto t = to_local(utc_seconds);
    return std::string(weekday_name(t.weekday)) + " " + (t.day == 1 ? "1er" : std::to_string(t.day)) + " " +
           month_name(t.month) + " " + std::to_string(t.year);
}

std::string time_of_day(std::int64_t utc_seconds) {
    const auto t = to_local(utc_seconds);
    std::string out = std::to_string(t.hour) + " h";
    if (t.minute != 0) out += " " + std::string(t.minute < 10 ? "0" : "") + std::to_string(t.minute);
    return out;
}

std::string iso_date(std::int64_t utc_seconds) {
    const auto t = to_local(utc_seconds);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
    return buf;
}

std::string iso8601(std::int64_t utc_seconds) {
    const auto t = to_local(utc_seconds);
    const int offset = utc_offset_minutes(utc_seconds);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:00+%02d:%02d", t.year, t.month, t.day, t.hour, t.minute,
                  offset / 60, offset % 60);
    return buf;
}

std::string month_key(std::int64_t utc_seconds) {
    const auto t = to_local(utc_seconds);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", t.year, t.month);
    return buf;
}

std::string month_and_year(std::int64_t utc_seconds) {
    const auto t = to_local(utc_seconds);
    return std::string(month_name(t.month)) + " " + std::to_string(t.year);
}

std::optional<CivilDate> parse_civil_date(std::string_view typed) {
    static const std::regex iso(R"(^(\d{4})-(\d{1,2})-(\d{1,2})$)");
    static const std::regex french(R"(^(\d{1,2})/(\d{1,2})/(\d{4})$)");
    const auto s = text::trim(typed);
    std::smatch m;
    CivilDate out;
    if (std::regex_match(s, m, iso)) {
        out = {std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])};
    } else if (std::regex_match(s, m, french)) {
        out = {std::stoi(m[3]), std::stoi(m[2]), std::stoi(m[1])};
    } else {
        return std::nullopt;
    }
    if (out.year < 2000 || out.year > 2100 || out.month < 1 || out.month > 12 || out.day < 1 || out.day > 31)
        return std::nullopt;
    const auto back = to_local(days_from_civil(out.year, out.month, out.day) * 86400 + 12 * 3600);
    if (back.day != out.day || back.month != out.month) return std::nullopt;
    return out;
}

}  // namespace ateliers::paris_time
