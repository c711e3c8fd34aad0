#pragma once
// How a cycle looks in lists and on its page (dates in Paris time, badges).
#include <nlohmann/json.hpp>

#include <map>

#include "features/cycles/services/catalogue.hpp"
#include "features/registration/services/registrations.hpp"
#include "platform/http/app.hpp"

namespace ateliers::web {

// `mine`: the visitor's own registration to the cycle, shown instead of "S’inscrire".
nlohmann::json cycle_card(const services::CycleSummary& c, std::int64_t now,
                          const services::MyCycleStatus* mine = nullptr);
// The signed-in visitor's active registrations by cycle id (empty for anonymous visitors).
std::map<long long, services::MyCycleStatus> my_statuses(const App& app, const Visitor& visitor);

nlohmann::json sessions_view(const std::vector<services::SessionSlot>& sessions);

}  // namespace ateliers::web
