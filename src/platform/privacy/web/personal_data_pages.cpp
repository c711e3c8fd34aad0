#include "platform/privacy/web/personal_data_pages.hpp"

#include <nlohmann/json.hpp>

#include "platform/auth/accounts.hpp"
#include "platform/core/text.hpp"
#include "platform/http/cookies.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/privacy/personal_data_service.hpp"

namespace ateliers::web::privacy {

namespace {

using nlohmann::json;

json tables_view(const services::PersonalDataExport& data) {
    json tables = json::array();
    for (const auto& t : data.tables) {
        json rows = json::array();
        for (const auto& r : t.rows) {
            json cells = json::array();
            for (const auto& v : r) cells.push_back({{"value", v.empty() ? "–" : v}});
            rows.push_back({{"cells", cells}});
        }
        json columns = json::array();
        for (const auto& c : t.columns) columns.push_back({{"label", c}});
        tables.push_back({{"key", t.key},
                          {"title", t.title},
                          {"count", t.rows.size()},
                          {"empty", t.rows.empty()},
                          {"columns", columns},
                          {"rows", rows}});
    }
    return tables;
}

Response failure_page(const App& app, const Visitor& visitor, const Failure& f) {
    return app.error_page(visitor, http_status(f),
                          f.kind == FailureKind::technical ? "Erreur technique" : "Action impossible", f.message);
}

Response data_page(const App& app, const Visitor& visitor, long long user_id, bool by_organiser,
                   const Sources& sources) {
    auto data = services::personal_data(app.db(), user_id, sources, store::now_utc_seconds());
    if (!data) return failure_page(app, visitor, data.failure());
    const std::string base =
        by_organiser ? "/admin/donnees-personnelles/" + std::to_string(user_id) : "/compte/mes-donnees";
    return app.page(visitor, "privacy/my_data",
                    {{"title", by_organiser ? "Données de " + data->full_name + " – Administration"
                                            : "Mes données personnelles"},
                     {"by_organiser", by_organiser},
                     {"full_name", data->full_name},
                     {"email", data->email},
                     {"json_href", base + ".json"},
                     {"tables", tables_view(data.value())}});
}

Response json_download(const App& app, const Visitor& visitor, long long user_id, const Sources& sources) {
    auto data = services::personal_data(app.db(), user_id, sources, store::now_utc_seconds());
    if (!data) return failure_page(app, visitor, data.failure());
    auto r = json_response(200, services::personal_data_json(data.value()));
    r.header("Content-Disposition", "attachment; filename=\"mes-donnees-ateliers.json\"");
    r.header("Cache-Control", "no-store");
    return r;
}

bool confirmed(const FormFields& form) { return field(form, "confirmation") == "oui"; }

}  // namespace

Response my_data_page(const App& app, const Visitor& visitor, const Sources& sources) {
    return data_page(app, visitor, visitor.user->id, false, sources);
}

Response my_data_json(const App& app, const Visitor& visitor, const Sources& sources) {
    return json_download(app, visitor, visitor.user->id, sources);
}

Response erase_form(const App& app, const Visitor& visitor) {
    return app.page(visitor, "privacy/erase_account", {{"title", "Effacer mon compte"}});
}

Response erase_own_account(const App& app, const Visitor& visitor, const FormFields& form, const Sources& sources) {
    if (!confirmed(form))
        return app.page(visitor, "privacy/erase_account",
                        {{"title", "Effacer mon compte"},
                         {"error_confirmation", "Cochez la case pour confirmer l’effacement de votre compte."}},
                        400);
    auto done = services::erase_account(app.db(), visitor.user->id, visitor.user->id, sources,
                                        app.mail_context(), store::now_utc_seconds());
    if (!done) {
        const auto& f = done.failure();
        if (f.kind == FailureKind::technical) return failure_page(app, visitor, f);
        return app.page(visitor, "privacy/erase_account", {{"title", "Effacer mon compte"}, {"error", f.message}},
                        http_status(f));
    }
    auto r = redirect_to("/compte/efface");
    r.header("Set-Cookie", set_cookie_value("ateliers_session", "", {true, visitor.secure_transport, 0}));
    return r;
}

Response erased_page(const App& app, const Visitor& visitor) {
    return app.page(visitor, "privacy/erased", {{"title", "Compte effacé"}});
}

std::optional<Response> admin_personal_data(const App& app, const Request& req, const Visitor& visitor,
                                            const FormFields* form, const std::string& rest, const Sources& sources) {
    if (rest.empty() && !form) {
        const auto typed = text::trim(req.query_param("email"));
        json view{{"title", "Données personnelles d’une personne – Administration"},
                  {"email", typed},
                  {"erased", req.query_param("efface") == "1"}};
        if (!typed.empty()) {
            const auto found = services::account_by_email(app.db(), typed);
            if (!found) return failure_page(app, visitor, found.failure());
            if (const auto& person = found.value())
                view["person"] = {{"id", person->id}, {"full_name", person->full_name}, {"email", person->email}};
            else
                view["not_found"] = "Aucun compte avec l’adresse « " + typed + " ».";
        }
        return app.page(visitor, "privacy/admin_lookup", view);
    }
    // "/12", "/12.json", "/12/effacer"
    auto id_text = rest.substr(rest.empty() ? 0 : 1);
    std::string what;
    if (const auto slash = id_text.find('/'); slash != std::string::npos) {
        what = id_text.substr(slash);
        id_text.resize(slash);
    } else if (id_text.size() > 5 && id_text.compare(id_text.size() - 5, 5, ".json") == 0) {
        what = ".json";
        id_text.resize(id_text.size() - 5);
    }
    const auto id = text::parse_bounded_integer(id_text, 1, 1'000'000'000'000LL);
    if (!id) return std::nullopt;
    if (!form && what.empty()) return data_page(app, visitor, *id, true, sources);
    if (!form && what == ".json") return json_download(app, visitor, *id, sources);
    if (!form || what != "/effacer") return std::nullopt;
    if (!confirmed(*form))
        return app.error_page(visitor, 400, "Confirmation manquante",
                              "Cochez la case qui confirme que la personne a demandé l’effacement de son compte.");
    auto done = services::erase_account(app.db(), *id, visitor.user->id, sources, app.mail_context(),
                                        store::now_utc_seconds());
    if (!done) return failure_page(app, visitor, done.failure());
    return redirect_to("/admin/donnees-personnelles?efface=1");
}

}  // namespace ateliers::web::privacy
