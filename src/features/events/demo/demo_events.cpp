#include "features/events/demo/demo_events.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <map>

#include "platform/calendar/calendar_shift.hpp"
#include "features/events/services/event_admin.hpp"
#include "features/events/services/event_programme.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/core/source_dir.hpp"

namespace ateliers::services {

namespace {

using nlohmann::json;

// "2019-11-26 13:45" -> a slot of that day starting and ending then.
calendar_shift::LocalSlot local(const std::string& text) {
    calendar_shift::LocalSlot s;
    std::sscanf(text.c_str(), "%d-%d-%d %d:%d", &s.year, &s.month, &s.day, &s.start_hour, &s.start_minute);
    s.end_hour = s.start_hour;
    s.end_minute = s.start_minute;
    return s;
}

std::string text_of(const json& j, const char* key) { return j.contains(key) ? j.at(key).get<std::string>() : ""; }

struct Shift {
    int weeks = 0;
    long long at(const std::string& text) const { return calendar_shift::moved(local(text), weeks).starts_at; }
};

Failure broken(const std::string& what) { return fail("Contenu de démonstration des événements : " + what, {}, FailureKind::invalid); }

}  // namespace

std::string default_demo_events_path() { return source_dir() + "/data/demo/events.json"; }

Result<DemoEventCounts> seed_demo_events(store::Database& db, const std::string& json_path, std::int64_t today_utc) {
    std::ifstream in(json_path);
    if (!in) return broken("fichier introuvable (" + json_path + ")");
    json doc;
    try {
        doc = json::parse(in);
    } catch (const std::exception& e) {
        return broken(e.what());
    }
    DemoEventCounts counts;
    int lead_days = 35;
    for (const auto& e : doc.at("events")) {
        const auto slug = e.at("slug").get<std::string>();
        if (auto existing = event_programme(db, slug, true); existing.ok()) continue;
        std::vector<calendar_shift::LocalSlot> times{local(e.at("starts")), local(e.at("ends"))};
        for (const auto& p : e.at("programme")) times.push_back(local(p.at("start")));
        const Shift shift{calendar_shift::weeks_ahead(times, today_utc, lead_days)};
        lead_days += 28;  // one event after the other, a month apart
        store::EventRow row;
        row.slug = slug;
        row.title = e.at("title");
        row.kind = e.at("kind");
        row.summary = text_of(e, "summary");
        row.description = text_of(e, "description");
        row.venue = text_of(e, "venue");
        row.address = text_of(e, "address");
        row.online_policy = text_of(e, "online_policy");
        row.pmr_access = text_of(e, "pmr_access");
        row.meals = text_of(e, "meals");
        row.organisers = text_of(e, "organisers");
        row.contacts = text_of(e, "contacts");
        row.starts_at = shift.at(e.at("starts"));
        row.ends_at = shift.at(e.at("ends"));
        row.capacity = e.at("capacity");
        row.published = true;
        auto id = create_event(db, 0, row);
        if (!id) return id.failure();
        ++counts.events;
        for (const auto& d : e.at("days")) {
            // The day's Paris date after the move: the date of its 12:00.
            const long long noon = shift.at(d.at("date").get<std::string>() + " 12:00");
            if (auto done = set_event_day(db, 0, id.value(), {paris_time::iso_date(noon), d.at("title"), text_of(d, "introduction")});
                !done)
                return done.failure();
        }
        std::map<std::string, long long> speakers;  // name -> id: one card, on every item
        std::map<std::string, std::vector<SpeakerPart>> parts;
        std::map<std::string, store::SpeakerRow> cards;
        std::vector<std::string> order;
        int position = 0;
        for (const auto& p : e.at("programme")) {
            if (p.at("type") == "slot") {
                store::SlotRow slot{0, id.value(), p.at("title"), shift.at(p.at("start")), shift.at(p.at("end")),
                                    text_of(p, "description")};
                auto slot_id = add_event_slot(db, 0, slot);
                if (!slot_id) return slot_id.failure();
                for (const auto& w : p.at("workshops")) {
                    store::ItemRow item;
                    item.event_id = id.value();
                    item.slot_id = slot_id.value();
                    item.kind = "workshop";
                    item.title = w.at("title");
                    item.description = text_of(w, "description");
                    item.capacity = p.at("capacity").get<int>();
                    item.position = position++;
                    if (auto done = add_event_item(db, 0, item); !done) return done.failure();
                    ++counts.items;
                }
                continue;
            }
            store::ItemRow item;
            item.event_id = id.value();
            item.kind = p.at("kind");
            item.title = p.at("title");
            item.description = text_of(p, "description");
            item.starts_at = shift.at(p.at("start"));
            if (p.contains("end")) item.ends_at = shift.at(p.at("end"));
            item.position = position++;
            auto item_id = add_event_item(db, 0, item);
            if (!item_id) return item_id.failure();
            ++counts.items;
            if (!p.contains("speakers")) continue;
            for (const auto& s : p.at("speakers")) {
                const auto name = s.at("name").get<std::string>();
                if (!cards.count(name)) {
                    cards[name] = {0, id.value(), name, text_of(s, "function"), text_of(s, "organisation")};
                    order.push_back(name);
                }
                parts[name].push_back({item_id.value(), s.at("role")});
            }
        }
        for (const auto& name : order) {
            auto done = add_event_speaker(db, 0, cards[name], parts[name]);
            if (!done) return done.failure();
            ++counts.speakers;
        }
    }
    return counts;
}

}  // namespace ateliers::services
