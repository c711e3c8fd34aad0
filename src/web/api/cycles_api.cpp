// GET /api/v1/cycles, GET /api/v1/cycles/{slug}, and the organisers' list of a
// cycle's registrations. Visio links are never part of these answers.
#include <soci/soci.h>

#include "domain/account_rules.hpp"
#include "domain/paris_time.hpp"
#include "domain/territory_types.hpp"
#include "domain/text.hpp"
#include "services/catalogue.hpp"
#include "store/collectivites.hpp"
#include "store/cycles.hpp"
#include "store/rows.hpp"
#include "web/api/api_routes.hpp"

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
    if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    const int v = std::stoi(s);
    if (v < 1 || v > max) return std::nullopt;
    return v;
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

Response cycle_registrations(const App& app, const Request& req, const services::CurrentUser& user,
                             const std::string& slug) {
    if (!user.has_role("organiser") && !user.has_role("admin"))
        return error(403, "Cette liste est réservée aux organisateurs des ateliers.");
    const auto status_filter = text::trim(req.query_param("statut"));
    registration::Status wanted{};
    if (!status_filter.empty() && !registration::parse_status(status_filter, wanted))
        return error(400, "Statut inconnu : « " + status_filter + " ».",
                     {{"statut", "Valeurs possibles : applied, confirmed, waiting, declined, cancelled."}});

    soci::session sql(app.db().pool());
    const auto cycle = store::find_cycle(sql, app.db().dialect(), slug, false);
    if (!cycle) return error(404, "Ce cycle n’existe pas.");
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT r.id, r.status, r.seat, r.arrival, r.created_at, r.collectivite_id, r.mandate, "
                        "r.function_title, r.situation, u.full_name, u.email "
                        "FROM registrations r JOIN users u ON u.id = r.user_id "
                        "WHERE r.cycle_id = :c ORDER BY r.arrival, r.id",
         soci::use(cycle->id));
    struct Row {
        nlohmann::ordered_json item;
        std::string collectivite_id;
    };
    std::vector<Row> list;
    std::map<std::string, int> counts;
    int waiting_rank = 0;
    for (const auto& r : rows) {
        registration::Status status{};
        registration::parse_status(store::as_text(r, 1), status);
        const std::string code = registration::status_code(status);
        counts[code] += 1;
        // The waiting list is served in arrival order (then id): its rank is the position.
        const int position = status == registration::Status::waiting ? ++waiting_rank : 0;
        if (!status_filter.empty() && status != wanted) continue;
        accounts::Mandate mandate{};
        const bool known_mandate = accounts::parse_mandate(store::as_text(r, 6), mandate);
        const auto seat = store::as_optional_int(r, 2);
        list.push_back({{{"id", store::as_int(r, 0)},
                         {"status", code},
                         {"status_label", registration::status_label(status)},
                         {"seat", seat ? nlohmann::ordered_json(*seat) : nlohmann::ordered_json(nullptr)},
                         {"waiting_position", position ? nlohmann::ordered_json(position) : nlohmann::ordered_json(nullptr)},
                         {"arrival_ms", store::as_int(r, 3)},
                         {"registered_at", paris_time::iso8601(store::as_int(r, 4))},
                         {"mandate", store::as_text(r, 6)},
                         {"mandate_label", known_mandate ? accounts::mandate_label(mandate) : ""},
                         {"function_title", store::as_text(r, 7)},
                         {"situation", store::as_text(r, 8)},
                         {"participant", {{"full_name", store::as_text(r, 9)}, {"email", store::as_text(r, 10)}}}},
                        store::as_text(r, 5)});
    }
    // Collectivités after the rowset is done: one connection, one statement at a time.
    std::map<std::string, nlohmann::ordered_json> collectivites;
    for (auto& row : list) {
        auto it = collectivites.find(row.collectivite_id);
        if (it == collectivites.end()) {
            nlohmann::ordered_json c = {{"id", row.collectivite_id}};
            if (const auto found = store::find_collectivite(sql, row.collectivite_id)) {
                c["name"] = found->name;
                c["label"] = store::collectivite_label(*found);
                c["kind"] = found->kind;
                c["size_class"] = found->size_class;
                c["departement"] = found->departement_code;
                c["region"] = found->region_code;
            }
            it = collectivites.emplace(row.collectivite_id, std::move(c)).first;
        }
        row.item["collectivite"] = it->second;
    }
    nlohmann::ordered_json registrations = nlohmann::ordered_json::array();
    for (auto& row : list) registrations.push_back(std::move(row.item));
    return json(200, {{"cycle",
                       {{"slug", cycle->slug},
                        {"title", cycle->title},
                        {"status", cycle->status},
                        {"mode", registration::mode_code(cycle->mode)},
                        {"capacity", cycle->capacity},
                        {"counts",
                         {{"applied", counts["applied"]},
                          {"confirmed", counts["confirmed"]},
                          {"waiting", counts["waiting"]},
                          {"declined", counts["declined"]},
                          {"cancelled", counts["cancelled"]}}}}},
                      {"registrations", registrations}});
}

}  // namespace ateliers::web::api
