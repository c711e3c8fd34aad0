#include "platform/calendar/icalendar.hpp"

#include <libical/ical.h>

#include <ctime>
#include <memory>

#include "platform/core/paris_time.hpp"

namespace ateliers::calendar {
namespace {

constexpr const char* kParis = "Europe/Paris";

struct ComponentDeleter {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentDeleter>;

// libical does the escaping (\, \; \n) and the 75-octet folding on serialisation;
// we only hand it plain text. A lone CR would survive escaping and end a line
// early in strict parsers, so descriptions are reduced to LF before that.
std::string normalise_newlines(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out.push_back('\n');
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

icaltimetype utc_time(std::int64_t utc_seconds) {
    return icaltime_from_timet_with_zone(static_cast<time_t>(utc_seconds), 0, icaltimezone_get_utc_timezone());
}

// Floating wall-clock time, qualified by a TZID parameter: clients then show the
// session at the same Paris time even if they disagree with us on UTC offsets.
icalproperty* paris_property(icalproperty* (*make)(icaltimetype), std::int64_t utc_seconds) {
    const auto local = paris_time::to_local(utc_seconds);
    icaltimetype t = icaltime_null_time();
    t.year = local.year;
    t.month = local.month;
    t.day = local.day;
    t.hour = local.hour;
    t.minute = local.minute;
    t.second = static_cast<int>(((utc_seconds % 60) + 60) % 60);
    t.is_date = 0;
    icalproperty* p = make(t);
    icalproperty_add_parameter(p, icalparameter_new_tzid(kParis));
    return p;
}

icalproperty* x_property(const char* name, const std::string& value) {
    icalproperty* p = icalproperty_new_x(value.c_str());
    icalproperty_set_x_name(p, name);
    return p;
}

// One observance of the EU rule: switch at 01:00 UTC on the last Sunday of the month,
// written in the local time in force before the switch (RFC 5545 §3.6.5).
icalcomponent* observance(icalcomponent* (*make)(), const char* dtstart, const char* rule, int from_seconds,
                          int to_seconds, const char* tzname) {
    icalcomponent* c = make();
    icalcomponent_add_property(c, icalproperty_new_dtstart(icaltime_from_string(dtstart)));
    icalcomponent_add_property(c, icalproperty_new_rrule(icalrecurrencetype_from_string(rule)));
    icalcomponent_add_property(c, icalproperty_new_tzoffsetfrom(from_seconds));
    icalcomponent_add_property(c, icalproperty_new_tzoffsetto(to_seconds));
    icalcomponent_add_property(c, icalproperty_new_tzname(tzname));
    return c;
}

// Spelled out rather than taken from libical's zoneinfo so that the output does not
// depend on the tz database of the server, and matches domain/paris_time exactly.
icalcomponent* paris_timezone() {
    icalcomponent* tz = icalcomponent_new_vtimezone();
    icalcomponent_add_property(tz, icalproperty_new_tzid(kParis));
    icalcomponent_add_component(tz, observance(icalcomponent_new_xstandard, "19701025T030000",
                                               "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", 7200, 3600, "CET"));
    icalcomponent_add_component(tz, observance(icalcomponent_new_xdaylight, "19700329T020000",
                                               "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", 3600, 7200, "CEST"));
    return tz;
}

icalcomponent* reminder(const Event& event) {
    icalcomponent* alarm = icalcomponent_new_valarm();
    icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
    icalcomponent_add_property(alarm, icalproperty_new_trigger(icaltriggertype_from_int(-3600)));
    icalcomponent_add_property(alarm, icalproperty_new_description(event.summary.c_str()));
    return alarm;
}

icalcomponent* vevent(const Calendar& calendar, const Event& event) {
    icalcomponent* ev = icalcomponent_new_vevent();
    icalcomponent_add_property(ev, icalproperty_new_uid(event.uid.c_str()));
    icalcomponent_add_property(ev, icalproperty_new_dtstamp(utc_time(event.stamp)));
    icalcomponent_add_property(ev, paris_property(icalproperty_new_dtstart, event.starts_at));
    icalcomponent_add_property(ev, paris_property(icalproperty_new_dtend, event.ends_at));
    icalcomponent_add_property(ev, icalproperty_new_summary(event.summary.c_str()));
    if (!event.description.empty()) {
        const auto description = normalise_newlines(event.description);
        icalcomponent_add_property(ev, icalproperty_new_description(description.c_str()));
    }
    if (!event.url.empty()) {
        // LOCATION is what most clients display; URL is what they make clickable.
        icalcomponent_add_property(ev, icalproperty_new_location(event.url.c_str()));
        icalcomponent_add_property(ev, icalproperty_new_url(event.url.c_str()));
    }
    const auto organizer = "mailto:" + calendar.organizer_email;
    icalproperty* org = icalproperty_new_organizer(organizer.c_str());
    if (!calendar.organizer_name.empty()) {
        icalproperty_add_parameter(org, icalparameter_new_cn(calendar.organizer_name.c_str()));
    }
    icalcomponent_add_property(ev, org);
    icalcomponent_add_property(ev, icalproperty_new_sequence(event.sequence));
    icalcomponent_add_property(ev, icalproperty_new_status(event.cancelled ? ICAL_STATUS_CANCELLED
                                                                           : ICAL_STATUS_CONFIRMED));
    // A reminder for a session that will not take place would only mislead.
    if (!event.cancelled) icalcomponent_add_component(ev, reminder(event));
    return ev;
}

}  // namespace

std::string to_ics(const Calendar& calendar) {
    Component cal{icalcomponent_new_vcalendar()};
    icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//ANCT//Ateliers des territoires//FR"));
    icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
    icalcomponent_add_property(cal.get(), x_property("X-WR-CALNAME", calendar.name));
    icalcomponent_add_property(cal.get(), x_property("X-WR-TIMEZONE", kParis));
    icalcomponent_add_component(cal.get(), paris_timezone());
    for (const auto& event : calendar.events) icalcomponent_add_component(cal.get(), vevent(calendar, event));

    // The _r variant hands us the buffer; the plain one recycles a ring buffer.
    char* text = icalcomponent_as_ical_string_r(cal.get());
    std::string out = text ? text : "";
    icalmemory_free_buffer(text);
    return out;
}

}  // namespace ateliers::calendar
