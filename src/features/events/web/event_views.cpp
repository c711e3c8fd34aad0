#include "features/events/web/event_views.hpp"

#include "features/events/domain/programme_rules.hpp"
#include "platform/core/paris_time.hpp"

namespace ateliers::web::events_pages {

namespace {

std::string kind_label(const std::string& code) {
    events::Kind k;
    return events::parse_kind(code, k) ? events::kind_label(k) : code;
}

std::string item_kind_label(const std::string& code) {
    events::ItemKind k;
    return events::parse_item_kind(code, k) ? events::item_kind_label(k) : code;
}

std::string when(long long starts_at, long long ends_at) {
    auto out = paris_time::time_of_day(starts_at);
    if (ends_at > starts_at) out += " – " + paris_time::time_of_day(ends_at);
    return out;
}

nlohmann::json item_view(const services::ProgrammeItem& p, long long chosen_item) {
    nlohmann::json speakers = nlohmann::json::array(), moderators = nlohmann::json::array(),
                   witnesses = nlohmann::json::array(), introductions = nlohmann::json::array();
    for (const auto& s : p.speakers) {
        nlohmann::json card{{"name", s.speaker.full_name},
                            {"function", s.speaker.function_title},
                            {"organisation", s.speaker.organisation},
                            {"has_function", !s.speaker.function_title.empty()},
                            {"has_organisation", !s.speaker.organisation.empty()}};
        if (s.role == "introduction") {
            introductions.push_back(card);
            continue;
        }
        (s.role == "moderator" ? moderators : s.role == "witness" ? witnesses : speakers).push_back(card);
    }
    const auto& i = p.item;
    nlohmann::json v{{"id", i.id},
                     {"title", i.title},
                     {"kind", item_kind_label(i.kind)},
                     {"is_round_table", i.kind == "round_table"},
                     {"time", when(i.starts_at, i.ends_at)},
                     {"description", paragraphs(i.description)},
                     {"room", i.room},
                     {"speakers", speakers},
                     {"has_speakers", !speakers.empty()},
                     {"moderators", moderators},
                     {"has_moderators", !moderators.empty()},
                     {"witnesses", witnesses},
                     {"has_witnesses", !witnesses.empty()},
                     {"introductions", introductions},
                     {"has_introductions", !introductions.empty()},
                     {"chosen", chosen_item == i.id},
                     {"held", p.held},
                     {"waiting", p.waiting}};
    if (i.capacity) {
        const int left = std::max(0, *i.capacity - p.held);
        v["places"] = left == 0 ? std::string("Complet – liste d’attente")
                                : std::to_string(left) + (left > 1 ? " places restantes" : " place restante");
        v["full"] = left == 0;
        v["has_places"] = true;
    }
    return v;
}

}  // namespace

nlohmann::json paragraphs(const std::string& text) {
    nlohmann::json out = nlohmann::json::array();
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const auto line = text.substr(start, end - start);
        if (line.find_first_not_of(" \t\r") != std::string::npos) out.push_back(line);
        start = end + 1;
    }
    return out;
}

std::string obfuscated_email(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '@') out += " [at] ";
        else out += c;
    }
    return out;
}

nlohmann::json event_card_view(const store::EventRow& e, long long now) {
    return {{"slug", e.slug},
            {"title", e.title},
            {"summary", e.summary},
            {"kind", kind_label(e.kind)},
            {"dates", paris_time::long_date(e.starts_at) + " " + paris_time::time_of_day(e.starts_at) + " – " +
                          paris_time::long_date(e.ends_at) + " " + paris_time::time_of_day(e.ends_at)},
            {"place", !e.venue.empty() ? e.venue : e.kind == "webinaire" ? std::string("En ligne") : std::string("Lieu communiqué aux inscrits")},
            {"past", e.ends_at < now},
            {"published", e.published}};
}

nlohmann::json programme_view(const services::EventProgramme& p, const std::map<long long, long long>& chosen) {
    nlohmann::json days = nlohmann::json::array();
    int day_number = 0;
    for (const auto& day : p.days) {
        nlohmann::json entries = nlohmann::json::array();
        for (const auto& entry : day.entries) {
            if (entry.item) {
                entries.push_back({{"is_item", true}, {"item", item_view(*entry.item, 0)}});
                continue;
            }
            const auto& s = *entry.slot;
            const auto c = chosen.find(s.slot.id);
            nlohmann::json workshops = nlohmann::json::array();
            for (const auto& w : s.workshops) workshops.push_back(item_view(w, c == chosen.end() ? 0 : c->second));
            entries.push_back({{"is_slot", true},
                               {"slot",
                                {{"id", s.slot.id},
                                 {"title", s.slot.title},
                                 {"time", when(s.slot.starts_at, s.slot.ends_at)},
                                 {"description", paragraphs(s.slot.description)},
                                 {"count", s.workshops.size()},
                                 {"workshops", workshops}}}});
        }
        days.push_back({{"date", day.date},
                        {"number", ++day_number},
                        {"title", day.title},
                        {"has_title", !day.title.empty()},
                        {"introduction", paragraphs(day.introduction)},
                        {"entries", entries}});
    }
    return days;
}

nlohmann::json json_ld(const services::EventProgramme& p, const std::string& base_url) {
    const auto& e = p.event;
    const auto url = base_url + "/evenements/" + e.slug;
    nlohmann::json sub = nlohmann::json::array();
    auto add = [&](const store::ItemRow& i) {
        nlohmann::json s{{"@type", "Event"}, {"name", i.title}, {"startDate", paris_time::iso8601(i.starts_at)}, {"url", url}};
        if (i.ends_at > i.starts_at) s["endDate"] = paris_time::iso8601(i.ends_at);
        sub.push_back(s);
    };
    for (const auto& day : p.days)
        for (const auto& entry : day.entries) {
            if (entry.item) add(entry.item->item);
            if (entry.slot)
                for (const auto& w : entry.slot->workshops) add(w.item);
        }
    nlohmann::json ld{{"@context", "https://schema.org"},
                      {"@type", "Event"},
                      {"name", e.title},
                      {"description", e.summary},
                      {"startDate", paris_time::iso8601(e.starts_at)},
                      {"endDate", paris_time::iso8601(e.ends_at)},
                      {"url", url},
                      {"eventStatus", "https://schema.org/EventScheduled"},
                      {"organizer", {{"@type", "Organization"}, {"name", e.organisers}}},
                      {"subEvent", sub}};
    if (!e.venue.empty()) {
        ld["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode";
        ld["location"] = {{"@type", "Place"},
                          {"name", e.venue},
                          {"address", {{"@type", "PostalAddress"}, {"streetAddress", e.address}, {"addressCountry", "FR"}}}};
    } else {
        ld["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode";
        ld["location"] = {{"@type", "VirtualLocation"}, {"url", url}};
    }
    return ld;
}

}  // namespace ateliers::web::events_pages
