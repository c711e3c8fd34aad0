#include "features/projects/web/project_views.hpp"

#include <sstream>

#include "platform/http/failure_status.hpp"

namespace ateliers::web::project_pages {

nlohmann::json stages_view(const std::vector<projects::StageState>& states) {
    const auto current = projects::current_stage(states);
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t i = 0; i < states.size() && i < 3; ++i)
        out.push_back({{"number", i + 1},
                       {"name", projects::stage_name(i)},
                       {"label", projects::state_label(states[i])},
                       {"state", projects::state_name(states[i])},
                       {"current", i == current}});
    return out;
}

Response failure_page(const App& app, const Visitor& visitor, const Failure& f) {
    const int status = http_status(f);
    const char* title = status == 404 ? "Introuvable" : status == 403 ? "Accès refusé" : "Action impossible";
    return app.error_page(visitor, status, title, f.message);
}

nlohmann::json paragraphs(const std::string& text) {
    nlohmann::json out = nlohmann::json::array();
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    return out;
}

}  // namespace ateliers::web::project_pages
