#include <nlohmann/json.hpp>

#include "features/programmes/services/territory_scope.hpp"
#include "features/programmes/web/page_support.hpp"
#include "features/programmes/web/programme_pages.hpp"
#include "platform/http/failure_status.hpp"

namespace ateliers::web::programmes_pages {

Response territory_page(const App& app, const Request&, Visitor& visitor, const std::string& slug,
                        long long territory_id) {
    const std::string base = territory_path(slug, territory_id);
    if (!visitor.user) return login_first(base);
    auto scope = services::open_territory(app.db(), user_of(visitor), slug, territory_id);
    if (!scope) return app.error_page(visitor, http_status(scope.failure()), "Territoire indisponible", scope.failure().message);
    const auto& s = scope.value();
    nlohmann::json data{
        {"title", s.territory.label + " – " + s.programme.title},
        {"programme", {{"slug", s.programme.slug}, {"title", s.programme.title}}},
        {"territory", {{"id", s.territory.id}, {"label", s.territory.label}, {"demo", s.territory.demo}, {"path", base}}},
        {"manages", programmes::manages(s.viewer)},
    };
    return app.page(visitor, "programmes/territory", data);
}

}  // namespace ateliers::web::programmes_pages
