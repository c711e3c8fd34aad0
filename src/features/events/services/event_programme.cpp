#include "features/events/services/event_programme.hpp"

#include <map>

#include "platform/core/paris_time.hpp"

namespace ateliers::services {

namespace {

template <class T, class F>
Result<T> reading(store::Database& db, F&& work) {
    try {
        return store::with_session(db, std::forward<F>(work));
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

}  // namespace

Result<std::vector<store::EventRow>> list_events(store::Database& db, bool all) {
    return reading<std::vector<store::EventRow>>(db, [&](soci::session& sql) -> Result<std::vector<store::EventRow>> {
        return store::list_events(sql, all);
    });
}

Result<EventProgramme> event_programme(store::Database& db, const std::string& slug, bool all) {
    return reading<EventProgramme>(db, [&](soci::session& sql) -> Result<EventProgramme> {
        auto event = store::find_event(sql, db.dialect(), slug, false);
        if (!event || (!event->published && !all)) return fail("Événement introuvable.", {}, FailureKind::not_found);
        EventProgramme out;
        out.event = *event;
        out.slots = store::event_slots(sql, event->id);
        out.links = store::event_links(sql, event->id);
        out.files = store::event_files(sql, event->id);
        for (const auto& r : store::event_registrations(sql, event->id, false)) {
            ++(r.status == "confirmed" ? out.confirmed : out.waiting);
            if (r.status == "confirmed" && r.public_listing) out.public_participants.push_back(r.full_name + " – " + r.organisation);
        }
        const auto counts = store::workshop_counts(sql, event->id);
        std::multimap<long long, store::ItemSpeakerRow> speakers;
        for (auto& s : store::event_item_speakers(sql, event->id)) speakers.emplace(s.item_id, s);
        std::map<long long, ProgrammeSlot> slots;
        for (const auto& s : out.slots) slots[s.id].slot = s;
        std::vector<ProgrammeEntry> entries;
        for (const auto& item : store::event_items(sql, event->id)) {
            ProgrammeItem p{item, {}, 0, 0};
            for (auto [b, e] = speakers.equal_range(item.id); b != e; ++b) p.speakers.push_back(b->second);
            if (auto c = counts.find(item.id); c != counts.end()) {
                p.held = c->second.held;
                p.waiting = c->second.waiting;
            }
            if (item.slot_id)
                slots[item.slot_id].workshops.push_back(std::move(p));
            else
                entries.push_back({item.starts_at, std::move(p), std::nullopt});
        }
        for (auto& [id, slot] : slots) entries.push_back({slot.slot.starts_at, std::nullopt, std::move(slot)});
        std::stable_sort(entries.begin(), entries.end(),
                         [](const auto& a, const auto& b) { return a.starts_at < b.starts_at; });
        std::map<std::string, store::DayRow> headers;
        for (auto& d : store::event_days(sql, event->id)) headers[d.day] = d;
        for (auto& entry : entries) {
            const auto date = paris_time::long_date(entry.starts_at);
            if (out.days.empty() || out.days.back().date != date) {
                ProgrammeDay day{date, "", "", {}};
                if (auto h = headers.find(paris_time::iso_date(entry.starts_at)); h != headers.end()) {
                    day.title = h->second.title;
                    day.introduction = h->second.introduction;
                }
                out.days.push_back(std::move(day));
            }
            out.days.back().entries.push_back(std::move(entry));
        }
        return out;
    });
}

Result<std::optional<MyEventRegistration>> my_event_registration(store::Database& db, long long event_id, long long user_id) {
    using Answer = std::optional<MyEventRegistration>;
    return reading<Answer>(db, [&](soci::session& sql) -> Result<Answer> {
        auto reg = store::active_event_registration(sql, event_id, user_id);
        if (!reg) return Answer{};
        return Answer{MyEventRegistration{*reg, store::registration_choices(sql, reg->id)}};
    });
}

}  // namespace ateliers::services
