#include <nlohmann/json.hpp>

#include "features/programmes/services/programme_overview.hpp"
#include "features/programmes/web/programme_pages.hpp"
#include "platform/http/failure_status.hpp"

namespace ateliers::web::programmes_pages {

namespace {

// The programme's text, one paragraph per blank-line-separated block.
nlohmann::json paragraphs(const std::string& text) {
    nlohmann::json out = nlohmann::json::array();
    std::string current;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const auto line = text.substr(start, end - start);
        if (line.find_first_not_of(" \r\t") == std::string::npos) {
            if (!current.empty()) out.push_back(current);
            current.clear();
        } else {
            current += (current.empty() ? "" : " ") + line;
        }
        start = end + 1;
    }
    if (!current.empty()) out.push_back(current);
    return out;
}

}  // namespace

Response programme_page(const App& app, const Request&, Visitor& visitor, const std::string& slug) {
    const services::CurrentUser* user = visitor.user ? &*visitor.user : nullptr;
    auto o = services::programme_overview(app.db(), user, slug);
    if (!o) return app.error_page(visitor, http_status(o.failure()), "Programme introuvable", o.failure().message);
    nlohmann::json territories = nlohmann::json::array();
    bool any_open = false;
    for (const auto& t : o->territories) {
        any_open = any_open || t.can_open;
        territories.push_back({{"id", t.territory.id},
                               {"label", t.territory.label},
                               {"demo", t.territory.demo},
                               {"can_open", t.can_open},
                               {"stage", t.stage},
                               {"link", "/programmes/" + slug + "/territoires/" + std::to_string(t.territory.id)}});
    }
    nlohmann::json data{
        {"title", o->programme.title},
        {"programme",
         {{"slug", o->programme.slug},
          {"title", o->programme.title},
          {"summary", o->programme.summary},
          {"demo", o->programme.demo},
          {"years", std::to_string(o->programme.starts_year) + "–" +
                        std::to_string(o->programme.starts_year + o->programme.years - 1)}}},
        {"description", paragraphs(o->programme.description)},
        {"territories", territories},
        {"territory_count", territories.size()},
        {"has_territories", !territories.empty()},
        {"manages", o->manages},
        {"any_open", any_open},
        {"signed_in", visitor.user.has_value()},
    };
    return app.page(visitor, "programmes/programme", data);
}

}  // namespace ateliers::web::programmes_pages
