#include "features/reports/web/territory_pages.hpp"

#include "features/reports/services/agency_reach.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/http/admin_routes.hpp"
#include "platform/http/forms.hpp"
#include "platform/http/paths.hpp"
#include "platform/referential/web/territory_link.hpp"

namespace ateliers::web::reports {

namespace {

using nlohmann::json;

// "du 14 janvier 2027 au 3 mars 2027", "14 janvier 2027", or the period in words.
std::string when_text(const modules::TerritoryParticipation& p) {
    if (!p.when.empty()) return p.when;
    if (p.starts_at <= 0) return "Dates non fixées";
    const auto start = paris_time::long_date(p.starts_at);
    if (p.ends_at <= 0) return "depuis le " + start;
    const auto end = paris_time::long_date(p.ends_at);
    return start == end ? start : "du " + start + " au " + end;
}

json group_view(const ateliers::reports::TerritoryGroup& g, std::size_t index) {
    json lines = json::array();
    for (const auto& l : g.lines) {
        const auto& p = l.participation;
        lines.push_back({{"offer", p.offer},
                         {"href", p.href},
                         {"has_href", !p.href.empty()},
                         {"when", when_text(p)},
                         {"where", admin::text_or_null(l.where)},
                         {"people", p.people},
                         {"has_people", !p.people.empty()},
                         {"outcomes", p.outcomes}});
    }
    return {{"id", "activite-" + std::to_string(index + 1)},
            {"label", g.label},
            {"count", g.lines.size()},
            {"lines", lines}};
}

Response search_page(const App& app, const Request& req, Visitor& visitor) {
    const auto query = req.query_param("q");
    json view{{"title", "Participation par territoire"}, {"query", query}, {"searched", !query.empty()}};
    if (!query.empty()) {
        if (query.size() > 100) {
            view["error"] = "Saisissez au plus 100 caractères : un nom ou un code de collectivité.";
            return app.page(visitor, "reports/territories", view, 422);
        }
        auto found = services::territory_search(app.db(), query);
        if (!found) return admin::service_error(app, visitor, found.failure());
        json results = json::array();
        for (const auto& c : found.value())
            results.push_back({{"label", store::collectivite_label(c)}, {"href", territory_href(c.id)},
                               {"code", c.code}});
        view["results"] = results;
        view["no_results"] = results.empty();
    }
    return app.page(visitor, "reports/territories", view);
}

Response territory_page(const App& app, Visitor& visitor, const std::string& code,
                        const services::ReachSources& reach) {
    auto page = services::territory_page(app.db(), reach.activities, code);
    if (!page) return admin::service_error(app, visitor, page.failure());
    if (!page.value())
        return app.error_page(visitor, 404, "Territoire introuvable",
                              "Aucune collectivité du référentiel n’a le code « " + code +
                                  " ». Cherchez-la par son nom ou son code sur la page Participation par territoire.");
    const auto& p = *page.value();
    json groups = json::array();
    for (std::size_t i = 0; i < p.overview.groups.size(); ++i) groups.push_back(group_view(p.overview.groups[i], i));
    json members = json::array();
    for (const auto& m : p.members) members.push_back({{"name", m.name}, {"href", territory_href(m.id)}});
    json within = json::array();
    for (const auto& c : p.within)
        within.push_back({{"name", c.name}, {"href", territory_href(c.id)}, {"last", &c == &p.within.back()}});
    const bool epci = p.collectivite.kind == "epci";
    return app.page(visitor, "reports/territory",
                    {{"title", p.collectivite.name + " – Participation par territoire"},
                     {"name", p.collectivite.name},
                     {"label", p.label},
                     {"code", p.collectivite.code},
                     {"epci", epci},
                     {"members", members},
                     {"within", within},
                     {"has_within", !within.empty()},
                     {"member_count", p.members.size()},
                     {"groups", groups},
                     {"none", groups.empty()},
                     {"participations", p.overview.participations},
                     {"offers", p.overview.offers},
                     {"took_part", p.overview.collectivites},
                     {"took_part_count", p.overview.collectivites.size()}});
}

}  // namespace

std::optional<Response> territory_route(const App& app, const Request& req, Visitor& visitor,
                                        const services::ReachSources& reach) {
    const auto parts = path_segments(req.path);
    if (parts.empty() || parts[0] != "territoires" || parts.size() > 2) return std::nullopt;
    if (!visitor.user) return redirect_to("/compte/connexion?suivant=" + url_encode(req.path));
    // Names of people and what they wrote: for the agency's organisers only.
    if (!permissions::can_organise(*visitor.user))
        return app.error_page(visitor, 403, "Accès réservé",
                              "La participation des territoires est réservée à l’équipe des ateliers de l’ANCT. Si vous "
                              "pensez devoir y accéder, contactez l’équipe pour qu’elle vous donne le rôle "
                              "d’organisateur.");
    if (parts.size() == 1) return search_page(app, req, visitor);
    return territory_page(app, visitor, parts[1], reach);
}

}  // namespace ateliers::web::reports
