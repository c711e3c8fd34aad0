#include <nlohmann/json.hpp>

#include "platform/core/paris_time.hpp"
#include "platform/referential/territory_types.hpp"
#include "features/registration/services/seat_alerts.hpp"
#include "features/running/services/live_sessions.hpp"
#include "features/feedback/services/testimonials.hpp"
#include "platform/referential/collectivites.hpp"
#include "features/cycles/web/cycle_view.hpp"
#include "platform/http/handlers.hpp"
#include "platform/http/json_script.hpp"
#include "features/cycles/web/cycle_pages.hpp"
#include "platform/core/text.hpp"

namespace ateliers::web {

namespace {

constexpr int per_page = 10;

std::string query_string(const services::CatalogueFilters& f, int page) {
    std::string q;
    const auto add = [&q](const char* name, const std::string& value) {
        if (!value.empty()) q += (q.empty() ? "?" : "&") + std::string(name) + "=" + url_encode(value);
    };
    add("territoire", f.territory_type);
    add("theme", f.theme);
    add("region", f.region_code);
    add("mois", f.month);
    if (f.seats_available) add("places", "1");
    if (page > 1) add("page", std::to_string(page));
    return q;
}

nlohmann::json options(const std::vector<std::pair<std::string, std::string>>& values, const std::string& selected) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [value, label] : values)
        out.push_back({{"value", value}, {"label", label}, {"selected", value == selected}});
    return out;
}

nlohmann::json json_ld(const services::CycleDetail& d, const std::string& base_url) {
    const auto& c = d.summary;
    const auto page_url = base_url + "/cycles/" + c.slug;
    nlohmann::json organizer = {{"@type", "GovernmentOrganization"},
                                {"name", "Agence nationale de la cohésion des territoires"},
                                {"url", "https://agence-cohesion-territoires.gouv.fr"}};
    nlohmann::json events = nlohmann::json::array();
    int n = 0;
    for (const auto& s : c.sessions)
        events.push_back({{"@type", "Event"},
                          {"name", c.title + " – atelier " + std::to_string(++n) + "/" + std::to_string(c.sessions.size())},
                          {"startDate", paris_time::iso8601(s.starts_at)},
                          {"endDate", paris_time::iso8601(s.ends_at)},
                          {"eventAttendanceMode", "https://schema.org/OnlineEventAttendanceMode"},
                          {"eventStatus", "https://schema.org/EventScheduled"},
                          {"location", {{"@type", "VirtualLocation"}, {"url", page_url}}},
                          {"organizer", organizer}});
    nlohmann::json series = {{"@context", "https://schema.org"},
                             {"@type", "EventSeries"},
                             {"name", c.title},
                             {"description", c.summary},
                             {"url", page_url},
                             {"inLanguage", "fr"},
                             {"isAccessibleForFree", true},
                             {"organizer", organizer},
                             {"performer", {{"@type", "Person"}, {"name", c.facilitator_name}}},
                             {"maximumAttendeeCapacity", c.capacity},
                             {"offers",
                              {{"@type", "Offer"},
                               {"price", "0"},
                               {"priceCurrency", "EUR"},
                               {"url", page_url + "/inscription"},
                               {"availability", c.seats_taken < c.capacity ? "https://schema.org/InStock"
                                                                           : "https://schema.org/SoldOut"}}},
                             {"subEvent", events}};
    if (!c.sessions.empty()) {
        series["startDate"] = paris_time::iso8601(c.sessions.front().starts_at);
        series["endDate"] = paris_time::iso8601(c.sessions.back().ends_at);
    }
    return series;
}

}  // namespace

Response catalogue_page(const App& app, const Request& req, Visitor& visitor) {
    services::CatalogueFilters f;
    f.territory_type = req.query_param("territoire");
    f.theme = req.query_param("theme");
    f.region_code = req.query_param("region");
    f.month = req.query_param("mois");
    f.seats_available = req.query_param("places") == "1";
    const int page = static_cast<int>(text::parse_bounded_integer(req.query_param("page"), 1, 100'000).value_or(1));
    const auto now = store::now_utc_seconds();
    auto result = services::search_catalogue(app.db(), f, page, per_page, now);
    if (!result) return app.error_page(visitor, 500, "Erreur technique", result.failure().message);
    const auto& p = result.value();
    nlohmann::json cards = nlohmann::json::array();
    const auto statuses = my_statuses(app, visitor);
    for (const auto& c : p.cycles) {
        const auto it = statuses.find(c.id);
        cards.push_back(cycle_card(c, now, it == statuses.end() ? nullptr : &it->second));
    }

    std::vector<std::pair<std::string, std::string>> types{{"", "Tous les territoires"}};
    for (const auto& t : territory::all_types()) types.emplace_back(t.code, t.label);
    std::vector<std::pair<std::string, std::string>> themes{{"", "Toutes les thématiques"}};
    for (const auto& t : p.themes) themes.emplace_back(t, t);
    std::vector<std::pair<std::string, std::string>> months{{"", "Tous les mois"}};
    for (const auto& m : p.months) {
        const int year = std::stoi(m.substr(0, 4)), month = std::stoi(m.substr(5, 2));
        months.emplace_back(m, std::string(paris_time::month_name(month)) + " " + std::to_string(year));
    }
    std::vector<std::pair<std::string, std::string>> regions{{"", "Toutes les régions"}};
    for (auto& r : services::catalogue_regions(app.db())) regions.push_back(std::move(r));
    nlohmann::json pages = nlohmann::json::array();
    for (int i = 1; i <= p.pages; ++i)
        pages.push_back({{"number", i}, {"href", "/cycles" + query_string(f, i)}, {"current", i == p.page}});
    return app.page(visitor, "cycles/catalogue",
                    {{"title", "Cycles d’ateliers – Ateliers des territoires"},
                     {"cards_html", app.fragment("cycles/cycle_cards", {{"cycles", cards}})},
                     {"total", p.total},
                     {"plural", p.total > 1},
                     {"none", p.total == 0},
                     {"territory_options", options(types, f.territory_type)},
                     {"theme_options", options(themes, f.theme)},
                     {"region_options", options(regions, f.region_code)},
                     {"month_options", options(months, f.month)},
                     {"seats_available", f.seats_available},
                     {"paginated", p.pages > 1},
                     {"pages", pages},
                     {"has_previous", p.page > 1},
                     {"previous_href", "/cycles" + query_string(f, p.page - 1)},
                     {"has_next", p.page < p.pages},
                     {"next_href", "/cycles" + query_string(f, p.page + 1)}});
}

namespace {

// The cycle's page; `preview`: a draft shown to organisers, as anyone will see it once
// published, under a banner. Otherwise a signed-in visitor sees where they stand.
Response render_cycle(const App& app, Visitor& visitor, const services::CycleDetail& d, bool preview) {
    const auto now = store::now_utc_seconds();
    const auto statuses = preview ? std::map<long long, services::MyCycleStatus>{} : my_statuses(app, visitor);
    const auto found_mine = statuses.find(d.summary.id);
    const services::MyCycleStatus* mine = found_mine == statuses.end() ? nullptr : &found_mine->second;
    auto card = cycle_card(d.summary, now, mine);
    services::CollectivitePlace place;
    if (visitor.user && !preview && !mine && card["can_register"].get<bool>())
        if (auto found = services::collectivite_place(app.db(), d.summary.id, *visitor.user)) place = found.value();
    if (place.held_by_colleague) card["can_register"] = false;
    // Sessions held or under way say so, in the words of every other page.
    if (auto states = services::cycle_session_states(app.db(), d.summary.id, now))
        for (auto& s : card["sessions"])
            if (const auto it = states->find(s.value("number", 0));
                it != states->end() && it->second != session_plan::SessionState::upcoming)
                s["state_label"] = session_plan::session_state_label(it->second);
    nlohmann::json paragraphs = nlohmann::json::array();
    std::size_t start = 0;
    while (start < d.description.size()) {
        auto end = d.description.find("\n\n", start);
        if (end == std::string::npos) end = d.description.size();
        paragraphs.push_back(d.description.substr(start, end - start));
        start = end + 2;
    }
    nlohmann::json contacts = nlohmann::json::array();
    for (const auto& c : d.contacts) contacts.push_back({{"name", c.full_name}, {"email", c.email}});
    const auto title = (preview ? "Aperçu – " : "") + d.summary.title + " – Ateliers des territoires";
    card["title_page"] = title;
    nlohmann::json quotes = nlohmann::json::array();
    if (auto testimonials = services::cycle_testimonials(app.db(), d.summary.id))
        for (const auto& t : testimonials.value())
            quotes.push_back({{"author", t.author}, {"role", t.role_text}, {"place", t.place}, {"quote", t.quote}});
    const bool registration_closed = !card["can_register"].get<bool>() && !mine && !place.held_by_colleague;
    return app.page(visitor, "cycles/cycle",
                    {{"title", title},
                     {"cycle", card},
                     {"preview", preview},
                     {"colleague_holds_place", place.held_by_colleague},
                     {"alert_requested", place.alert_requested},
                     {"registration_closed", registration_closed},
                     {"paragraphs", paragraphs},
                     {"facilitator_bio", d.facilitator_bio},
                     {"contacts", contacts},
                     {"application_mode", d.summary.mode == registration::Mode::application},
                     {"capacity", d.summary.capacity},
                     {"testimonials", quotes},
                     {"has_testimonials", !quotes.empty()},
                     {"jsonld", json_for_script(json_ld(d, app.config().base_url))}});
}

}  // namespace

Response cycle_page(const App& app, const Request&, Visitor& visitor, const std::string& slug) {
    auto detail = services::cycle_detail(app.db(), slug);
    if (!detail) return app.error_page(visitor, 500, "Erreur technique", detail.failure().message);
    if (!detail.value())
        return app.error_page(visitor, 404, "Cycle introuvable", "Ce cycle n’existe pas ou n’est plus publié.");
    return render_cycle(app, visitor, *detail.value(), false);
}

Response cycle_preview_page(const App& app, Visitor& visitor, const std::string& slug) {
    auto detail = services::cycle_detail(app.db(), slug, true);
    if (!detail) return app.error_page(visitor, 500, "Erreur technique", detail.failure().message);
    if (!detail.value()) return app.error_page(visitor, 404, "Cycle introuvable", "Ce cycle n’existe pas.");
    return render_cycle(app, visitor, *detail.value(), true);
}

}  // namespace ateliers::web
