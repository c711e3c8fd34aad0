#include "platform/http/form_view.hpp"

namespace ateliers::web {

nlohmann::json form_errors_view(const std::string& summary, const std::map<std::string, std::string>& fields) {
    nlohmann::json errors = nlohmann::json::object();
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [name, message] : fields) {
        errors[name] = message;
        list.push_back({{"field", name}, {"message", message}});
    }
    return {{"summary", summary}, {"has_summary", !summary.empty()}, {"by_field", errors}, {"list", list}};
}

}  // namespace ateliers::web
