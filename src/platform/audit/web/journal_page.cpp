#include <nlohmann/json.hpp>

#include "platform/audit/audit.hpp"
#include "platform/http/admin_routes.hpp"

namespace ateliers::web::admin {

Response journal_page(const App& app, const Request&, Visitor& visitor) {
    constexpr int shown = 200;
    auto entries = services::latest_audit_entries(app.db(), shown);
    if (!entries) return service_error(app, visitor, entries.failure());
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& e : entries.value()) {
        std::string actor = e.actor_name.empty() ? "Compte supprimé ou ligne de commande" : e.actor_name;
        rows.push_back({{"at", date_time_text(e.at)},
                        {"actor", actor},
                        {"actor_email", text_or_null(e.actor_email)},
                        {"action", services::audit_action_label(e.action)},
                        {"target", e.target},
                        {"details", e.details}});
    }
    return app.page(visitor, "audit/journal",
                    {{"title", "Journal des actions – Administration"},
                     {"entries", rows},
                     {"none", rows.empty()},
                     {"count", rows.size()},
                     {"limit", shown}});
}

}  // namespace ateliers::web::admin
