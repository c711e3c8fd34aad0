#include <nlohmann/json.hpp>

#include "features/cycles/services/catalogue.hpp"
#include "features/cycles/web/cycle_pages.hpp"
#include "features/cycles/web/cycle_view.hpp"

namespace ateliers::web {

Response home_page(const App& app, const Request&, Visitor& visitor) {
    const auto now = store::now_utc_seconds();
    auto cycles = services::upcoming_cycles(app.db(), now, 6);
    if (!cycles) return app.error_page(visitor, 500, "Erreur technique", cycles.failure().message);
    auto testimonials = services::published_testimonials(app.db());
    nlohmann::json cards = nlohmann::json::array();
    const auto statuses = my_statuses(app, visitor);
    for (const auto& c : cycles.value()) {
        const auto it = statuses.find(c.id);
        cards.push_back(cycle_card(c, now, it == statuses.end() ? nullptr : &it->second));
    }
    nlohmann::json quotes = nlohmann::json::array();
    if (testimonials)
        for (const auto& t : testimonials.value())
            quotes.push_back({{"author", t.author}, {"role", t.role_text}, {"place", t.place}, {"quote", t.quote}});
    return app.page(visitor, "cycles/home",
                    {{"title", "Ateliers des territoires – ANCT"},
                     {"cards_html", app.fragment("cycles/cycle_cards", {{"cycles", cards}})},
                     {"has_cycles", !cards.empty()},
                     {"testimonials", quotes}});
}

}  // namespace ateliers::web
