#include <nlohmann/json.hpp>

#include "platform/referential/size_class.hpp"
#include "platform/core/text.hpp"
#include "platform/referential/collectivites.hpp"
#include "platform/http/handlers.hpp"

namespace ateliers::web {

namespace {

std::vector<store::CollectiviteRow> search(const App& app, const std::string& q) {
    if (text::trim(q).size() < 2 && !(q.size() == 1 && q[0] >= '0' && q[0] <= '9')) return {};
    soci::session sql(app.db().pool());
    return store::search_collectivites(sql, q, 12);
}

}  // namespace

Response collectivites_search_api(const App& app, const Request& req) {
    const auto q = req.query_param("q");
    if (!text::is_valid_utf8(q))
        return json_response(400, R"({"error":"La recherche contient des caractères invalides.","fields":{}})");
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : search(app, q))
        out.push_back({{"id", c.id},
                       {"kind", c.kind},
                       {"code", c.code},
                       {"name", c.name},
                       {"label", store::collectivite_label(c)},
                       {"departement", c.departement_code},
                       {"population", c.population},
                       {"size_class", c.size_class}});
    auto r = json_response(200, out.dump());
    r.header("Cache-Control", "public, max-age=3600");
    return r;
}

// The same search as a page, for people without JavaScript who want to browse.
Response collectivites_search_page(const App& app, const Request& req, Visitor& visitor) {
    const auto q = req.query_param("q");
    nlohmann::json results = nlohmann::json::array();
    if (text::is_valid_utf8(q))
        for (const auto& c : search(app, q))
            results.push_back({{"id", c.id},
                               {"label", store::collectivite_label(c)},
                               {"population", c.population},
                               {"size_class", referential::size_class_label(c.size_class)}});
    return app.page(visitor, "collectivites_search",
                    {{"title", "Rechercher une collectivité – Ateliers des territoires"},
                     {"q", q},
                     {"searched", !q.empty()},
                     {"results", results},
                     {"has_results", !results.empty()}});
}

}  // namespace ateliers::web
