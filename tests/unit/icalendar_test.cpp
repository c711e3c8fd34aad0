#include <gtest/gtest.h>
#include <libical/ical.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "platform/core/paris_time.hpp"
#include "platform/core/text.hpp"
#include "platform/calendar/icalendar.hpp"

using namespace ateliers;
using calendar::Calendar;
using calendar::Event;

namespace {

struct ComponentDeleter {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Parsed = std::unique_ptr<icalcomponent, ComponentDeleter>;

std::int64_t utc(int y, int mo, int d, int h, int mi) {
    return paris_time::days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

Event session(int number, std::int64_t starts_at) {
    Event e;
    e.uid = "session-" + std::to_string(number) + "@ateliers-territoires.anct.gouv.fr";
    e.summary = "Atelier 2/4 – Forêts : comment coopérer";
    e.description = "Deuxième séance du cycle.";
    e.starts_at = starts_at;
    e.ends_at = starts_at + 90 * 60;
    e.url = "https://webconf.numerique.gouv.fr/ateliers-forets-2";
    e.sequence = 3;
    e.stamp = utc(2026, 11, 2, 8, 0);
    return e;
}

Parsed parse(const std::string& ics) { return Parsed{icalparser_parse_string(ics.c_str())}; }

// libical reports problems by inserting X-LIC-ERROR properties wherever it met them.
int count_lic_errors(icalcomponent* c) {
    int n = icalcomponent_count_properties(c, ICAL_XLICERROR_PROPERTY);
    for (icalcomponent* sub = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); sub;
         sub = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT)) {
        n += count_lic_errors(sub);
    }
    return n;
}

std::vector<icalcomponent*> events_of(icalcomponent* cal) {
    std::vector<icalcomponent*> out;
    for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        out.push_back(ev);
    }
    return out;
}

const char* tzid_of(icalproperty* p) {
    icalparameter* param = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
    return param ? icalparameter_get_tzid(param) : "";
}

// Physical lines, without their CRLF; fails the test on a bare LF or CR.
std::vector<std::string> physical_lines(const std::string& ics) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < ics.size()) {
        const auto end = ics.find("\r\n", start);
        EXPECT_NE(end, std::string::npos) << "last line lacks CRLF";
        if (end == std::string::npos) break;
        lines.push_back(ics.substr(start, end - start));
        EXPECT_EQ(lines.back().find_first_of("\r\n"), std::string::npos) << lines.back();
        start = end + 2;
    }
    return lines;
}

std::string x_property(icalcomponent* c, const std::string& name) {
    for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_X_PROPERTY); p;
         p = icalcomponent_get_next_property(c, ICAL_X_PROPERTY)) {
        if (name == icalproperty_get_x_name(p)) return icalproperty_get_x(p);
    }
    return "<absent>";
}

}  // namespace

TEST(ICalendar, ParsesBackWithoutErrorsAndPassesRestrictions) {
    Calendar cal{"Cycle Forêts, 2026", {session(41, utc(2026, 12, 10, 12, 30)), session(42, utc(2026, 12, 17, 12, 30))}};
    cal.events[1].cancelled = true;
    const auto ics = calendar::to_ics(cal);
    auto parsed = parse(ics);
    ASSERT_TRUE(parsed);
    ASSERT_EQ(icalcomponent_isa(parsed.get()), ICAL_VCALENDAR_COMPONENT);
    EXPECT_EQ(count_lic_errors(parsed.get()), 0) << ics;
    EXPECT_EQ(icalrestriction_check(parsed.get()), 1);
    EXPECT_EQ(count_lic_errors(parsed.get()), 0) << icalcomponent_as_ical_string(parsed.get());

    icalcomponent* c = parsed.get();
    EXPECT_STREQ(icalproperty_get_version(icalcomponent_get_first_property(c, ICAL_VERSION_PROPERTY)), "2.0");
    EXPECT_STREQ(icalproperty_get_prodid(icalcomponent_get_first_property(c, ICAL_PRODID_PROPERTY)),
                 "-//ANCT//Ateliers des territoires//FR");
    EXPECT_STREQ(icalproperty_get_calscale(icalcomponent_get_first_property(c, ICAL_CALSCALE_PROPERTY)), "GREGORIAN");
    EXPECT_EQ(icalproperty_get_method(icalcomponent_get_first_property(c, ICAL_METHOD_PROPERTY)), ICAL_METHOD_PUBLISH);
    EXPECT_EQ(x_property(c, "X-WR-CALNAME"), "Cycle Forêts, 2026");
    EXPECT_EQ(x_property(c, "X-WR-TIMEZONE"), "Europe/Paris");
    EXPECT_EQ(events_of(c).size(), 2u);
}

TEST(ICalendar, EveryLineEndsWithCrlf) {
    const auto ics = calendar::to_ics(Calendar{"Cycle", {session(1, utc(2026, 12, 17, 12, 30))}});
    ASSERT_GE(ics.size(), 2u);
    EXPECT_EQ(ics.substr(0, 17), "BEGIN:VCALENDAR\r\n");
    EXPECT_EQ(ics.substr(ics.size() - 15), "END:VCALENDAR\r\n");
    const auto lines = physical_lines(ics);
    EXPECT_GT(lines.size(), 20u);
}

TEST(ICalendar, TimesAreParisWallClockInWinterAndSummer) {
    const auto winter = utc(2026, 12, 17, 12, 30);  // 13:30 CET
    const auto summer = utc(2026, 6, 18, 7, 0);     // 09:00 CEST
    const auto ics = calendar::to_ics(Calendar{"Cycle", {session(1, winter), session(2, summer)}});
    auto parsed = parse(ics);
    ASSERT_TRUE(parsed);
    const auto events = events_of(parsed.get());
    ASSERT_EQ(events.size(), 2u);

    struct Expected { int month, day, hour, minute; std::int64_t utc; };
    const Expected expected[] = {{12, 17, 13, 30, winter}, {6, 18, 9, 0, summer}};

    // Resolve the times through the VTIMEZONE we emitted, as a client would: this
    // checks the offsets and the last-Sunday rules, not just the wall-clock digits.
    icaltimezone* zone = icaltimezone_new();
    icalcomponent* vtimezone = icalcomponent_get_first_component(parsed.get(), ICAL_VTIMEZONE_COMPONENT);
    ASSERT_NE(vtimezone, nullptr);
    ASSERT_EQ(icaltimezone_set_component(zone, icalcomponent_new_clone(vtimezone)), 1);
    EXPECT_STREQ(icaltimezone_get_tzid(zone), "Europe/Paris");

    for (std::size_t i = 0; i < events.size(); ++i) {
        icalproperty* start = icalcomponent_get_first_property(events[i], ICAL_DTSTART_PROPERTY);
        icalproperty* end = icalcomponent_get_first_property(events[i], ICAL_DTEND_PROPERTY);
        ASSERT_NE(start, nullptr);
        ASSERT_NE(end, nullptr);
        EXPECT_STREQ(tzid_of(start), "Europe/Paris");
        EXPECT_STREQ(tzid_of(end), "Europe/Paris");
        const auto t = icalproperty_get_dtstart(start);
        EXPECT_FALSE(icaltime_is_utc(t));
        EXPECT_EQ(t.year, 2026);
        EXPECT_EQ(t.month, expected[i].month);
        EXPECT_EQ(t.day, expected[i].day);
        EXPECT_EQ(t.hour, expected[i].hour);
        EXPECT_EQ(t.minute, expected[i].minute);
        EXPECT_EQ(icaltime_as_timet_with_zone(t, zone), expected[i].utc);
        EXPECT_EQ(icaltime_as_timet_with_zone(icalproperty_get_dtend(end), zone), expected[i].utc + 90 * 60);
    }
    EXPECT_NE(ics.find("DTSTART;TZID=Europe/Paris:20261217T133000\r\n"), std::string::npos);
    EXPECT_NE(ics.find("DTEND;TZID=Europe/Paris:20261217T150000\r\n"), std::string::npos);
    EXPECT_NE(ics.find("DTSTART;TZID=Europe/Paris:20260618T090000\r\n"), std::string::npos);
    EXPECT_NE(ics.find("DTSTAMP:20261102T080000Z\r\n"), std::string::npos);
    icaltimezone_free(zone, 1);
}

TEST(ICalendar, VtimezoneFollowsParisTimeAcrossYears) {
    auto parsed = parse(calendar::to_ics(Calendar{"Cycle", {session(1, utc(2026, 12, 17, 12, 30))}}));
    ASSERT_TRUE(parsed);
    icaltimezone* zone = icaltimezone_new();
    ASSERT_EQ(icaltimezone_set_component(
                  zone, icalcomponent_new_clone(icalcomponent_get_first_component(parsed.get(), ICAL_VTIMEZONE_COMPONENT))),
              1);
    auto same_wall_clock = [](const paris_time::LocalDateTime& a, const paris_time::LocalDateTime& b) {
        return a.year == b.year && a.month == b.month && a.day == b.day && a.hour == b.hour && a.minute == b.minute;
    };
    // Every hour from 2025 to 2030, both switches included. The hour that occurs twice
    // in October is skipped: RFC 5545 says the first occurrence, libical 3.0 takes the
    // second, and no workshop starts between 2 and 3 a.m.
    int checked = 0;
    for (auto instant = utc(2025, 1, 1, 0, 0); instant < utc(2031, 1, 1, 0, 0); instant += 3600) {
        const auto local = paris_time::to_local(instant);
        if (same_wall_clock(local, paris_time::to_local(instant - 3600)) ||
            same_wall_clock(local, paris_time::to_local(instant + 3600))) {
            continue;
        }
        icaltimetype t = icaltime_null_time();
        t.year = local.year;
        t.month = local.month;
        t.day = local.day;
        t.hour = local.hour;
        t.minute = local.minute;
        ASSERT_EQ(icaltime_as_timet_with_zone(t, zone), instant) << icaltime_as_ical_string(t);
        ++checked;
    }
    EXPECT_EQ(checked, (6 * 365 + 1) * 24 - 6 * 2);  // 2028 is a leap year; 6 repeated hours, twice each
    icaltimezone_free(zone, 1);
}

TEST(ICalendar, IdentityAndStatusRoundTrip) {
    auto moved = session(42, utc(2026, 12, 17, 12, 30));
    moved.sequence = 5;
    auto cancelled = session(43, utc(2027, 1, 7, 12, 30));
    cancelled.cancelled = true;
    auto parsed = parse(calendar::to_ics(Calendar{"Cycle", {moved, cancelled}}));
    ASSERT_TRUE(parsed);
    const auto events = events_of(parsed.get());
    ASSERT_EQ(events.size(), 2u);

    EXPECT_STREQ(icalcomponent_get_uid(events[0]), "session-42@ateliers-territoires.anct.gouv.fr");
    EXPECT_EQ(icalcomponent_get_sequence(events[0]), 5);
    EXPECT_STREQ(icalcomponent_get_location(events[0]), "https://webconf.numerique.gouv.fr/ateliers-forets-2");
    EXPECT_STREQ(icalproperty_get_url(icalcomponent_get_first_property(events[0], ICAL_URL_PROPERTY)),
                 "https://webconf.numerique.gouv.fr/ateliers-forets-2");
    EXPECT_STREQ(icalcomponent_get_summary(events[0]), "Atelier 2/4 – Forêts : comment coopérer");
    EXPECT_EQ(icalcomponent_get_status(events[0]), ICAL_STATUS_CONFIRMED);
    EXPECT_STREQ(icalproperty_get_organizer(icalcomponent_get_first_property(events[0], ICAL_ORGANIZER_PROPERTY)),
                 "mailto:ne-pas-repondre@ateliers-territoires.anct.gouv.fr");

    icalcomponent* alarm = icalcomponent_get_first_component(events[0], ICAL_VALARM_COMPONENT);
    ASSERT_NE(alarm, nullptr);
    EXPECT_EQ(icalproperty_get_action(icalcomponent_get_first_property(alarm, ICAL_ACTION_PROPERTY)), ICAL_ACTION_DISPLAY);
    const auto trigger = icalproperty_get_trigger(icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY));
    EXPECT_EQ(icaldurationtype_as_int(trigger.duration), -3600);

    EXPECT_STREQ(icalcomponent_get_uid(events[1]), "session-43@ateliers-territoires.anct.gouv.fr");
    EXPECT_EQ(icalcomponent_get_status(events[1]), ICAL_STATUS_CANCELLED);
    EXPECT_EQ(icalcomponent_get_first_component(events[1], ICAL_VALARM_COMPONENT), nullptr);
}

TEST(ICalendar, DescriptionWithSeparatorsNewlinesAndAccentsRoundTrips) {
    auto e = session(1, utc(2026, 12, 17, 12, 30));
    e.description =
        "Ordre du jour : accueil, tour de table; partage d'expériences.\n"
        "Intervenants : Élodie Müller (ONF), Jean-François Lœuvre\n\n"
        "Chemin réseau : \\\\serveur\\partage ; « guillemets » – fin, vraiment;";
    const auto ics = calendar::to_ics(Calendar{"Cycle", {e}});
    // Escaped on the wire, as RFC 5545 §3.3.11 requires for TEXT.
    EXPECT_NE(ics.find("accueil\\, tour de table\\; partage"), std::string::npos) << ics;
    EXPECT_NE(ics.find("\\n\\nChemin"), std::string::npos) << ics;
    auto parsed = parse(ics);
    ASSERT_TRUE(parsed);
    const auto events = events_of(parsed.get());
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(std::string(icalcomponent_get_description(events[0])), e.description);
}

TEST(ICalendar, CarriageReturnsBecomeNewlines) {
    auto e = session(1, utc(2026, 12, 17, 12, 30));
    e.description = "ligne 1\r\nligne 2\rligne 3";
    auto parsed = parse(calendar::to_ics(Calendar{"Cycle", {e}}));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(std::string(icalcomponent_get_description(events_of(parsed.get())[0])), "ligne 1\nligne 2\nligne 3");
}

TEST(ICalendar, LongLinesAreFoldedAt75OctetsOnCharacterBoundaries) {
    auto e = session(1, utc(2026, 12, 17, 12, 30));
    // No spaces or separators, so the folding cannot rely on them: 2- and 3-byte
    // characters in a phase that lands a boundary inside a character at octet 75.
    std::string accents;
    for (int i = 0; i < 60; ++i) accents += "é–ê";
    e.summary = "Atelier 2/4 – " + accents;
    e.description = "x" + accents + "\nSuite : coopération intercommunale, forêts publiques et privées. " + accents;
    const auto ics = calendar::to_ics(Calendar{"Cycle", {e}});

    int continuations = 0;
    for (const auto& line : physical_lines(ics)) {
        EXPECT_LE(line.size(), 75u) << line;
        EXPECT_TRUE(text::is_valid_utf8(line)) << "character split across a fold: " << line;
        if (!line.empty() && line[0] == ' ') ++continuations;
    }
    EXPECT_GT(continuations, 10);

    auto parsed = parse(ics);
    ASSERT_TRUE(parsed);
    const auto events = events_of(parsed.get());
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(std::string(icalcomponent_get_summary(events[0])), e.summary);
    EXPECT_EQ(std::string(icalcomponent_get_description(events[0])), e.description);
    EXPECT_EQ(count_lic_errors(parsed.get()), 0);
}

TEST(ICalendar, EmptyCalendarIsStillValid) {
    const auto ics = calendar::to_ics(Calendar{"Aucun atelier", {}});
    auto parsed = parse(ics);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(count_lic_errors(parsed.get()), 0);
    EXPECT_NE(ics.find("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"), std::string::npos) << ics;
}
