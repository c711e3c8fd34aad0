#include <nlohmann/json.hpp>

#include "domain/paris_time.hpp"
#include "domain/territory_types.hpp"
#include "services/catalogue.hpp"
#include "web/handlers.hpp"

namespace ateliers::web {

namespace {

nlohmann::json cycle_card(const services::CycleSummary& c) {
    nlohmann::json sessions = nlohmann::json::array();
    for (const auto& s : c.sessions)
        sessions.push_back({{"date", paris_time::long_date(s.starts_at)},
                            {"iso", paris_time::iso_date(s.starts_at)},
                            {"start", paris_time::time_of_day(s.starts_at)},
                            {"end", paris_time::time_of_day(s.ends_at)}});
    nlohmann::json types = nlohmann::json::array();
    for (const auto& t : c.territory_types) types.push_back(territory::label(t));
    const int left = std::max(0, c.capacity - c.seats_taken);
    return {{"slug", c.slug},
            {"title", c.title},
            {"theme", c.theme},
            {"summary", c.summary},
            {"facilitator", c.facilitator_name},
            {"sessions", sessions},
            {"territory_types", types},
            {"seats_left", left},
            {"full", left == 0},
            {"first_date", c.sessions.empty() ? "" : paris_time::long_date(c.sessions.front().starts_at)}};
}

}  // namespace

Response home_page(const App& app, const Request&, Visitor& visitor) {
    auto cycles = services::upcoming_cycles(app.db(), store::now_utc_seconds(), 12);
    if (!cycles) return app.error_page(visitor, 500, "Erreur technique", cycles.failure().message);
    auto testimonials = services::published_testimonials(app.db());
    nlohmann::json cards = nlohmann::json::array();
    for (const auto& c : cycles.value()) cards.push_back(cycle_card(c));
    nlohmann::json quotes = nlohmann::json::array();
    if (testimonials)
        for (const auto& t : testimonials.value())
            quotes.push_back({{"author", t.author}, {"role", t.role_text}, {"place", t.place}, {"quote", t.quote}});
    return app.page(visitor, "home",
                    {{"title", "Ateliers des territoires – ANCT"},
                     {"cycles", cards},
                     {"has_cycles", !cards.empty()},
                     {"testimonials", quotes}});
}

Response static_page(const App& app, const Visitor& visitor, const std::string& template_name,
                     const std::string& title) {
    return app.page(visitor, template_name, {{"title", title + " – Ateliers des territoires"}});
}

}  // namespace ateliers::web
