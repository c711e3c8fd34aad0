#include <nlohmann/json.hpp>

#include "platform/referential/web/territory_link.hpp"
#include "platform/auth/account_rules.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/referential/size_class.hpp"
#include "features/registration/services/registration_admin.hpp"
#include "platform/http/admin_routes.hpp"
#include "features/registration/web/registration_pages.hpp"
#include "features/cycles/web/cycle_pages.hpp"
#include "platform/http/failure_status.hpp"

namespace ateliers::web::admin {

namespace {

using nlohmann::json;
using RegStatus = registration::Status;

// Only known values pass, so that they can go back into links and hidden fields as is.
services::RegistrationFilters filters_from(const std::string& status, const std::string& mandate) {
    services::RegistrationFilters f;
    RegStatus s;
    if (registration::parse_status(status, s)) f.status = status;
    accounts::Mandate m;
    if (accounts::parse_mandate(mandate, m)) f.mandate = mandate;
    return f;
}

std::string filters_query(const services::RegistrationFilters& f) {
    std::string q;
    if (!f.status.empty()) q += "statut=" + f.status;
    if (!f.mandate.empty()) q += (q.empty() ? "" : "&") + std::string("mandat=") + f.mandate;
    return q;
}

const char* status_badge_class(RegStatus s) {
    switch (s) {
        case RegStatus::confirmed: return "fr-badge--success";
        case RegStatus::waiting: return "fr-badge--warning";
        case RegStatus::applied: return "fr-badge--info";
        case RegStatus::declined: return "fr-badge--error";
        case RegStatus::cancelled: return "";
    }
    return "";
}

json count_lines(const std::vector<services::CountLine>& lines) {
    json out = json::array();
    for (const auto& l : lines)
        out.push_back({{"label", l.label}, {"confirmed", l.confirmed}, {"active", l.active}});
    return out;
}

std::string arrival_text(std::int64_t arrival_ms) {
    const auto s = arrival_ms / 1000;
    const auto l = paris_time::to_local(s);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d à %02d:%02d", l.day, l.month, l.year, l.hour, l.minute);
    return buf;
}

Response render(const App& app, const Visitor& visitor, const services::CycleRegistrations& data,
                const services::RegistrationFilters& filters, const std::string& notice, const std::string& error,
                int status) {
    const auto& c = data.cycle;
    const auto query = filters_query(filters);
    json rows = json::array();
    int declared = 0;
    for (const auto& r : data.rows) {
        accounts::Mandate m;
        const bool known = accounts::parse_mandate(r.mandate, m);
        const bool active = registration::is_active(r.status);
        if (!r.collectivite_verified) ++declared;
        rows.push_back({{"id", r.id},
                        {"full_name", r.full_name},
                        {"email", r.email},
                        {"collectivite", r.collectivite_label},
                        {"collectivite_href", territory_href(r.collectivite_id)},
                        {"collectivite_verified", r.collectivite_verified},
                        {"by_team", r.registered_by_team},
                        {"size_class", referential::size_class_label(r.size_class)},
                        {"priority", referential::is_priority_size_class(r.size_class)},
                        {"region", r.region_name},
                        {"mandate", known ? accounts::mandate_label(m) : r.mandate},
                        {"function_title", r.function_title},
                        {"status", registration::status_label(r.status)},
                        {"badge", status_badge_class(r.status)},
                        {"seat", r.seat},
                        {"has_seat", r.seat > 0},
                        {"waiting_position", r.waiting_position},
                        {"is_waiting", r.status == RegStatus::waiting},
                        {"arrival", arrival_text(r.arrival_ms)},
                        {"situation", r.situation},
                        {"can_accept", r.status == RegStatus::applied || r.status == RegStatus::waiting ||
                                           r.status == RegStatus::declined},
                        {"can_decline", active},
                        {"can_wait", r.status == RegStatus::applied || r.status == RegStatus::confirmed ||
                                         r.status == RegStatus::declined},
                        {"has_actions", r.status != RegStatus::cancelled}});
    }
    json status_options = json::array({{{"value", ""}, {"label", "Tous les statuts"}, {"selected", filters.status.empty()}}});
    for (auto s : {RegStatus::applied, RegStatus::confirmed, RegStatus::waiting, RegStatus::declined, RegStatus::cancelled})
        status_options.push_back({{"value", registration::status_code(s)},
                                  {"label", registration::status_label(s)},
                                  {"selected", filters.status == registration::status_code(s)}});
    json mandate_options = json::array({{{"value", ""}, {"label", "Élus et agents"}, {"selected", filters.mandate.empty()}},
                                        {{"value", "elu"}, {"label", "Élus"}, {"selected", filters.mandate == "elu"}},
                                        {{"value", "agent"}, {"label", "Agents"}, {"selected", filters.mandate == "agent"}}});
    const auto& k = data.counts;
    json breakdowns = json::array();
    const auto add = [&](const char* id, const char* caption, const std::vector<services::CountLine>& lines) {
        if (lines.empty()) return;
        breakdowns.push_back({{"id", id}, {"caption", caption}, {"lines", count_lines(lines)}});
    };
    add("repartition-mandats", "Élus et agents", k.mandates);
    add("repartition-tailles", "Taille des collectivités", k.size_classes);
    add("repartition-territoires", "Types de territoire (d’après la taille et la zone de la collectivité)",
        k.territory_kinds);
    add("repartition-regions", "Régions", k.regions);
    const int seats_left = std::max(0, c.capacity - k.confirmed);
    json view{{"title", "Inscriptions – " + c.title + " – Administration"},
              {"cycle",
               {{"slug", c.slug},
                {"title", c.title},
                {"status", status_badge(c.status)},
                {"mode_label", registration::mode_label(c.mode)},
                {"capacity", c.capacity},
                {"seats_left", seats_left}}},
              {"totals",
               {{"applied", k.applied},
                {"confirmed", k.confirmed},
                {"waiting", k.waiting},
                {"declined", k.declined},
                {"cancelled", k.cancelled}}},
              {"priority", {{"label", k.priority.label}, {"confirmed", k.priority.confirmed}, {"active", k.priority.active}}},
              {"breakdowns", breakdowns},
              {"has_breakdowns", !breakdowns.empty()},
              {"rows", rows},
              {"has_declared", declared > 0},
              {"shown", data.rows.size()},
              {"total", data.total},
              {"none", data.rows.empty()},
              {"filtered", !query.empty()},
              {"status_options", status_options},
              {"mandate_options", mandate_options},
              {"filter_status", filters.status},
              {"filter_mandate", filters.mandate},
              {"csv_href", "/admin/cycles/" + c.slug + "/participants.csv" + (query.empty() ? "" : "?" + query)},
              {"xlsx_href", "/admin/cycles/" + c.slug + "/participants.xlsx" + (query.empty() ? "" : "?" + query)}};
    if (!notice.empty()) view["notice"] = notice;
    if (!error.empty()) view["error"] = error;
    return app.page(visitor, "registration/admin_registrations", view, status);
}

// `name` is empty when the row is hidden by the filters.
std::string decision_notice(const std::string& done, const std::string& name) {
    const auto who = name.empty() ? std::string("la personne") : name;
    if (done == "accepte") return "L’inscription de " + who + " est confirmée ; un e-mail l’en informe.";
    if (done == "inscrit")
        return "L’équipe a inscrit " + who + " à sa place ; le journal des actions l’a enregistré et un e-mail l’en informe.";
    if (done == "deplace")
        return "L’inscription de " + who + " est déplacée dans ce cycle ; la place quittée revient à la liste d’attente et un e-mail l’en informe.";
    if (done == "refuse") return "La demande de " + who + " est refusée ; un e-mail l’en informe.";
    if (done == "attente")
        return (name.empty() ? std::string("La personne") : name) +
               " est sur la liste d’attente ; un e-mail l’en informe.";
    return {};
}

}  // namespace

Response registrations_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug) {
    const auto filters = filters_from(req.query_param("statut"), req.query_param("mandat"));
    auto data = services::cycle_registrations(app.db(), slug, filters);
    if (!data) return service_error(app, visitor, data.failure());
    if (!data.value()) return app.error_page(visitor, 404, "Cycle introuvable", "Ce cycle n’existe pas.");
    std::string notice;
    const auto done = req.query_param("fait");
    if (!done.empty()) {
        const auto id = req.query_param("id");
        std::string name;
        for (const auto& r : data.value()->rows)
            if (std::to_string(r.id) == id) name = r.full_name;
        notice = decision_notice(done, name);
    }
    return render(app, visitor, *data.value(), filters, notice, "", 200);
}

Response decision_submit(const App& app, const Request&, Visitor& visitor, const FormFields& form,
                         const std::string& slug, long long registration_id, const std::string& action) {
    const auto filters = filters_from(field(form, "statut"), field(form, "mandat"));
    const auto decision = action == "accepter"  ? services::Decision::accept
                          : action == "refuser" ? services::Decision::decline
                                                : services::Decision::wait;
    auto outcome = services::decide_registration(app.db(), visitor.user->id, slug, registration_id, decision,
                                                 app.mail_context());
    if (outcome) {
        const char* done = decision == services::Decision::accept    ? "accepte"
                           : decision == services::Decision::decline ? "refuse"
                                                                     : "attente";
        auto query = filters_query(filters);
        return redirect_to("/admin/cycles/" + slug + "/inscriptions?" + (query.empty() ? "" : query + "&") + "fait=" +
                           done + "&id=" + std::to_string(registration_id) + "#inscription-" +
                           std::to_string(registration_id));
    }
    const auto& f = outcome.failure();
    if (f.kind == FailureKind::technical) return service_error(app, visitor, f);
    auto data = services::cycle_registrations(app.db(), slug, filters);
    if (!data) return service_error(app, visitor, data.failure());
    if (!data.value()) return app.error_page(visitor, 404, "Cycle introuvable", "Ce cycle n’existe pas.");
    return render(app, visitor, *data.value(), filters, "", f.message, http_status(f));
}

Response export_download(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                         const std::string& format) {
    const auto filters = filters_from(req.query_param("statut"), req.query_param("mandat"));
    if (req.method == Method::head) {  // no export, hence nothing to audit
        Response r;
        r.content_type = format == "csv" ? "text/csv; charset=utf-8"
                                         : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        r.header("Cache-Control", "no-store");
        return r;
    }
    auto file = services::export_participants(app.db(), visitor.user->id, slug, filters,
                                              format == "csv" ? services::ExportFormat::csv
                                                              : services::ExportFormat::xlsx);
    if (!file) return service_error(app, visitor, file.failure());
    Response r;
    r.content_type = file->content_type;
    r.body = std::move(file->bytes);
    r.header("Content-Disposition", "attachment; filename=\"" + file->filename + "\"");
    r.header("Cache-Control", "no-store");
    return r;
}

}  // namespace ateliers::web::admin
