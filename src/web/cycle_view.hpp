#pragma once
// How a cycle looks in lists and on its page (dates in Paris time, badges).
#include <nlohmann/json.hpp>

#include "services/catalogue.hpp"

namespace ateliers::web {

nlohmann::json cycle_card(const services::CycleSummary& c, std::int64_t now);
nlohmann::json sessions_view(const std::vector<services::SessionSlot>& sessions);

}  // namespace ateliers::web
