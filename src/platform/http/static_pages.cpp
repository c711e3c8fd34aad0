// The pages every site of the platform has: accessibility, legal notice, privacy.
#include <nlohmann/json.hpp>

#include "platform/http/handlers.hpp"

namespace ateliers::web {

Response static_page(const App& app, const Visitor& visitor, const std::string& template_name,
                     const std::string& title) {
    const auto& host = app.config().host;
    // Mustache shows a section for an empty string: absent fields are null.
    const auto optional = [](const std::string& v) { return v.empty() ? nlohmann::json(nullptr) : nlohmann::json(v); };
    return app.page(visitor, template_name,
                    {{"title", title + " – Ateliers des territoires"},
                     {"host",
                      {{"configured", !host.name.empty()},
                       {"name", host.name},
                       {"address", optional(host.address)},
                       {"phone", optional(host.phone)}}}});
}

}  // namespace ateliers::web
