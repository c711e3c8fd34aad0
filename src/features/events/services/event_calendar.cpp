#include "features/events/services/event_calendar.hpp"

#include "features/events/services/event_programme.hpp"
#include "platform/calendar/icalendar.hpp"

namespace ateliers::services {

namespace {

calendar::Event as_event(const store::EventRow& event, const store::ItemRow& item, const std::string& base_url) {
    calendar::Event e;
    e.uid = "event-item-" + std::to_string(item.id) + "@ateliers-territoires.anct.gouv.fr";
    e.summary = item.title + " – " + event.title;
    e.description = item.description;
    if (!item.room.empty()) e.description = "Salle : " + item.room + "\n" + e.description;
    e.starts_at = item.starts_at;
    e.ends_at = item.ends_at > item.starts_at ? item.ends_at : item.starts_at + 30 * 60;
    e.url = base_url + "/evenements/" + event.slug + "#programme-" + std::to_string(item.id);
    e.stamp = event.starts_at;
    return e;
}

}  // namespace

Result<std::string> event_calendar(store::Database& db, const std::string& slug, const std::string& base_url) {
    auto programme = event_programme(db, slug, false);
    if (!programme) return programme.failure();
    const auto& p = programme.value();
    calendar::Calendar cal;
    cal.name = p.event.title;
    for (const auto& day : p.days)
        for (const auto& entry : day.entries) {
            if (entry.item) cal.events.push_back(as_event(p.event, entry.item->item, base_url));
            if (entry.slot)
                for (const auto& w : entry.slot->workshops) cal.events.push_back(as_event(p.event, w.item, base_url));
        }
    if (cal.events.empty()) {
        calendar::Event whole;
        whole.uid = "event-" + std::to_string(p.event.id) + "@ateliers-territoires.anct.gouv.fr";
        whole.summary = p.event.title;
        whole.description = p.event.summary;
        whole.starts_at = p.event.starts_at;
        whole.ends_at = p.event.ends_at;
        whole.url = base_url + "/evenements/" + p.event.slug;
        whole.stamp = p.event.starts_at;
        cal.events.push_back(whole);
    }
    return calendar::to_ics(cal);
}

Result<std::string> event_item_calendar(store::Database& db, const std::string& slug, long long item_id,
                                        const std::string& base_url) {
    auto programme = event_programme(db, slug, false);
    if (!programme) return programme.failure();
    const auto& p = programme.value();
    calendar::Calendar cal;
    cal.name = p.event.title;
    for (const auto& day : p.days)
        for (const auto& entry : day.entries) {
            if (entry.item && entry.item->item.id == item_id) cal.events.push_back(as_event(p.event, entry.item->item, base_url));
            if (entry.slot)
                for (const auto& w : entry.slot->workshops)
                    if (w.item.id == item_id) cal.events.push_back(as_event(p.event, w.item, base_url));
        }
    if (cal.events.empty()) return fail("Cette intervention n’est pas au programme de cet événement.", {}, FailureKind::not_found);
    cal.name = cal.events.front().summary;
    return calendar::to_ics(cal);
}

}  // namespace ateliers::services
