// GET /api/v1/cycles, GET /api/v1/cycles/{slug}, and the organisers' list of a
// cycle's registrations. Visio links are never part of these answers.

#include "platform/auth/account_rules.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/referential/territory_types.hpp"
#include "platform/core/text.hpp"
#include "features/cycles/services/catalogue.hpp"
#include "platform/referential/collectivites.hpp"
#include "platform/http/api_routes.hpp"
#include "features/cycles/web/cycle_pages.hpp"

namespace ateliers::web::api {

namespace {

constexpr int default_per_page = 20;
constexpr int max_per_page = 100;

nlohmann::ordered_json iso_or_null(std::int64_t utc_seconds) {
    return utc_seconds > 0 ? nlohmann::ordered_json(paris_time::iso8601(utc_seconds)) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json cycle_json(const App& app, const services::CycleSummary& c, std::int64_t now) {
    nlohmann::ordered_json types = nlohmann::ordered_json::array();
    for (const auto& t : c.territory_types) types.push_back({{"code", t}, {"label", territory::label(t)}});
    nlohmann::ordered_json sessions = nlohmann::ordered_json::array();
    for (const auto& s : c.sessions)
        sessions.push_back({{"number", s.number},
                            {"starts_at", paris_time::iso8601(s.starts_at)},
                            {"ends_at", paris_time::iso8601(s.ends_at)}});
    const auto availability = c.availability(now);
    return {{"slug", c.slug},
            {"title", c.title},
            {"theme", c.theme},
            {"summary", c.summary},
            {"url", app.config().base_url + "/cycles/" + c.slug},
            {"territory_types", types},
            {"region_code", c.region_code.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.region_code)},
            {"facilitator", c.facilitator_name},
            {"mode", registration::mode_code(c.mode)},
            {"mode_label", registration::mode_label(c.mode)},
            {"capacity", c.capacity},
            {"seats_taken", c.seats_taken},
            {"seats_left", std::max(0, c.capacity - c.seats_taken)},
            {"availability", availability == registration::Availability::upcoming ? "upcoming"
                             : availability == registration::Availability::open   ? "open"
                             : availability == registration::Availability::full   ? "full"
                                                                                  : "closed"},
            {"availability_label", registration::availability_label(availability)},
            {"registration_opens_at", iso_or_null(c.registration_opens_at)},
            {"registration_closes_at", iso_or_null(c.registration_closes_at)},
            {"sessions", sessions}};
}

bool is_month_key(const std::string& s) {
    if (s.size() != 7 || s[4] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u})
        if (s[i] < '0' || s[i] > '9') return false;
    const int month = (s[5] - '0') * 10 + (s[6] - '0');
    return month >= 1 && month <= 12;
}

std::optional<int> positive_int(const std::string& s, int max) {
    const auto v = text::parse_bounded_integer(s, 1, std::min(max, 999'999));
    if (!v) return std::nullopt;
    return static_cast<int>(*v);
}

}  // namespace

Response list_cycles(const App& app, const Request& req) {
    services::CatalogueFilters f;
    std::map<std::string, std::string> problems;
    f.territory_type = text::trim(req.query_param("territoire"));
    if (!f.territory_type.empty() && !territory::is_known(f.territory_type))
        problems["territoire"] = "Type de territoire inconnu : « " + f.territory_type + " ».";
    f.theme = text::trim(req.query_param("theme"));
    f.region_code = text::trim(req.query_param("region"));
    f.month = text::trim(req.query_param("mois"));
    if (!f.month.empty() && !is_month_key(f.month))
        problems["mois"] = "Le mois s'écrit AAAA-MM, par exemple 2027-01.";
    const auto places = req.query_param("places");
    if (places == "1")
        f.seats_available = true;
    else if (!places.empty() && places != "0")
        problems["places"] = "Le paramètre places vaut 1 (cycles avec des places) ou 0.";
    int page = 1, per_page = default_per_page;
    if (const auto p = req.query_param("page"); !p.empty()) {
        if (auto v = positive_int(p, 100000)) page = *v;
        else problems["page"] = "La page est un entier à partir de 1.";
    }
    if (const auto p = req.query_param("par_page"); !p.empty()) {
        if (auto v = positive_int(p, max_per_page)) per_page = *v;
        else problems["par_page"] = "Le nombre de cycles par page est un entier de 1 à 100.";
    }
    if (!problems.empty()) return error(400, "Paramètres de recherche invalides : corrigez les champs signalés.", problems);

    const auto now = store::now_utc_seconds();
    auto result = services::search_catalogue(app.db(), f, page, per_page, now);
    if (!result) return from_failure(result.failure());
    const auto& p = result.value();
    nlohmann::ordered_json cycles = nlohmann::ordered_json::array();
    for (const auto& c : p.cycles) cycles.push_back(cycle_json(app, c, now));
    return json(200, {{"cycles", cycles},
                      {"total", p.total},
                      {"page", p.page},
                      {"pages", p.pages},
                      {"per_page", per_page},
                      {"themes", p.themes},
                      {"months", p.months}});
}

Response get_cycle(const App& app, const std::string& slug) {
    auto detail = services::cycle_detail(app.db(), slug);
    if (!detail) return from_failure(detail.failure());
    if (!detail.value()) return error(404, "Ce cycle n’existe pas ou n’est plus publié.");
    const auto& d = *detail.value();
    auto out = cycle_json(app, d.summary, store::now_utc_seconds());
    out["description"] = d.description;
    out["facilitator_bio"] = d.facilitator_bio;
    nlohmann::ordered_json contacts = nlohmann::ordered_json::array();
    for (const auto& c : d.contacts) contacts.push_back({{"full_name", c.full_name}, {"email", c.email}});
    out["contacts"] = contacts;
    out["registration_url"] = app.config().base_url + "/cycles/" + d.summary.slug + "/inscription";
    return json(200, out);
}

}  // namespace ateliers::web::api
