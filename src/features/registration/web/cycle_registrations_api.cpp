// GET /api/v1/cycles/{slug}/registrations: a cycle's registrations, for organisers.
#include <soci/soci.h>

#include <map>

#include "features/cycles/store/cycles.hpp"
#include "features/registration/web/registration_pages.hpp"
#include "platform/auth/account_rules.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/core/text.hpp"
#include "platform/http/api_routes.hpp"
#include "platform/referential/collectivites.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::web::api {

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
