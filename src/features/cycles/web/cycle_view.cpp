#include "features/cycles/web/cycle_view.hpp"

#include "platform/core/paris_time.hpp"
#include "platform/referential/territory_types.hpp"

namespace ateliers::web {

std::map<long long, services::MyCycleStatus> my_statuses(const App& app, const Visitor& visitor) {
    if (!visitor.user) return {};
    auto statuses = services::my_cycle_statuses(app.db(), visitor.user->id);
    return statuses ? std::move(statuses.value()) : std::map<long long, services::MyCycleStatus>{};
}

nlohmann::json sessions_view(const std::vector<services::SessionSlot>& sessions) {
    nlohmann::json out = nlohmann::json::array();
    int n = 0;
    for (const auto& s : sessions)
        out.push_back({{"number", ++n},
                       {"date", paris_time::long_date(s.starts_at)},
                       {"iso_start", paris_time::iso8601(s.starts_at)},
                       {"start", paris_time::time_of_day(s.starts_at)},
                       {"end", paris_time::time_of_day(s.ends_at)}});
    return out;
}

nlohmann::json cycle_card(const services::CycleSummary& c, std::int64_t now, const services::MyCycleStatus* mine) {
    nlohmann::json types = nlohmann::json::array();
    for (const auto& t : c.territory_types) types.push_back(territory::label(t));
    const int left = std::max(0, c.capacity - c.seats_taken);
    const auto availability = c.availability(now);
    const char* badge = availability == registration::Availability::open   ? "fr-badge--success"
                        : availability == registration::Availability::full ? "fr-badge--warning"
                        : availability == registration::Availability::upcoming ? "fr-badge--info"
                                                                                : "";
    // The availability badge already says "Complet" or "closes": a seats badge would repeat it.
    std::string seats;
    if (c.mode == registration::Mode::application)
        seats = "Sur candidature – " + std::to_string(c.capacity) + " places";
    else if (left > 0 && availability != registration::Availability::closed)
        seats = std::to_string(left) + (left > 1 ? " places restantes" : " place restante");
    const auto my_status = mine ? registration::personal_status_label(mine->status, mine->waiting_position) : "";
    const bool open = availability == registration::Availability::open ||
                      availability == registration::Availability::full;
    return {{"slug", c.slug},
            {"title", c.title},
            {"theme", c.theme},
            {"summary", c.summary},
            {"facilitator", c.facilitator_name},
            {"sessions", sessions_view(c.sessions)},
            {"territory_types", types},
            {"seats_text", seats.empty() ? nlohmann::json(nullptr) : nlohmann::json(seats)},
            {"availability", registration::availability_label(availability)},
            {"availability_badge", badge},
            {"my_status", my_status.empty() ? nlohmann::json(nullptr) : nlohmann::json(my_status)},
            {"can_register", open && my_status.empty()}};
}

}  // namespace ateliers::web
