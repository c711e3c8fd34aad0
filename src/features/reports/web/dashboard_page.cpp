// /admin/rapports: the dashboard across cycles, and its CSV/XLSX files.
#include "features/cycles/domain/cycle_status.hpp"
#include "platform/core/paris_time.hpp"
#include "features/cycles/services/cycle_admin.hpp"
#include "platform/http/admin_routes.hpp"
#include "platform/http/forms.hpp"
#include "features/reports/web/report_routes.hpp"
#include "features/reports/web/reach_view.hpp"
#include "features/reports/web/report_view.hpp"
#include "features/cycles/web/cycle_pages.hpp"
#include "platform/http/failure_status.hpp"

namespace ateliers::web::reports {

namespace {

using nlohmann::json;

struct Typed {
    std::string from, to, status;
};

Typed typed_filters(const Request& req) {
    return {req.query_param("du"), req.query_param("au"), req.query_param("statut")};
}

std::string query_of(const Typed& t) {
    std::string q;
    const auto add = [&](const char* name, const std::string& value) {
        if (!value.empty()) q += (q.empty() ? "?" : "&") + std::string(name) + "=" + url_encode(value);
    };
    add("du", t.from);
    add("au", t.to);
    add("statut", t.status);
    return q;
}

json status_options(const std::string& selected) {
    json out = json::array({{{"value", ""}, {"label", "Tous les statuts"}, {"selected", selected.empty()}}});
    for (const char* s : {"published", "closed", "draft"})
        out.push_back({{"value", s}, {"label", label_of(cycle_status_or_draft(s))}, {"selected", selected == s}});
    return out;
}

DataTable spread_table(const std::string& caption, const std::string& first_column,
                       const std::vector<services::SpreadLine>& lines) {
    DataTable t{caption, {first_column, "Personnes", "Collectivités", "Participations"}, {}};
    for (const auto& l : lines)
        t.rows.push_back({l.label, count_text(l.people), count_text(l.collectivites), count_text(l.participations)});
    return t;
}

std::string spread_figure(const App& app, const std::string& id, const std::string& heading,
                          const std::string& first_column, const std::vector<services::SpreadLine>& lines) {
    charts::BarChart chart;
    chart.id = id;
    chart.title = heading + " (personnes distinctes)";
    chart.empty_text = "Aucun participant confirmé sur ces cycles.";
    for (const auto& l : lines) chart.bars.push_back({l.label, static_cast<double>(l.people)});
    return bar_figure(app, heading, chart, spread_table(heading + " : personnes, collectivités et participations",
                                                        first_column, lines));
}

std::vector<std::string> figures(const App& app, const services::Dashboard& d) {
    std::vector<std::string> out;
    out.push_back(spread_figure(app, "graphique-regions", "Participants par région", "Région", d.regions));
    out.push_back(spread_figure(app, "graphique-territoires", "Participants par type de territoire",
                                "Type de territoire", d.territory_kinds));
    out.push_back(spread_figure(app, "graphique-mandats", "Élus et agents", "Mandat", d.mandates));

    charts::BarChart presence;
    presence.id = "graphique-presence";
    presence.title = "Taux de présence par cycle";
    presence.unit = "%";
    presence.scale_max = 100;
    presence.empty_text = "Aucune séance tenue avec des participants confirmés.";
    DataTable presence_table{"Taux de présence par cycle (séances tenues)",
                             {"Cycle", "Séances tenues", "Participants confirmés", "Taux de présence"}, {}};
    charts::BarChart satisfaction;
    satisfaction.id = "graphique-satisfaction";
    satisfaction.title = "Satisfaction moyenne par cycle, sur 5";
    satisfaction.unit = "sur 5";
    satisfaction.decimals = 1;
    satisfaction.scale_max = 5;
    satisfaction.empty_text = "Aucune réponse au questionnaire pour le moment.";
    DataTable satisfaction_table{"Satisfaction moyenne par cycle",
                                 {"Cycle", "Réponses", "Taux de réponse", "Satisfaction moyenne"}, {}};
    for (const auto& c : d.cycles) {
        if (c.sessions_held > 0 && c.confirmed > 0) {
            presence.bars.push_back({c.title, c.attendance_rate});
            presence_table.rows.push_back({c.title, count_text(c.sessions_held), count_text(c.confirmed),
                                           rate_text(c.attendance_rate, true)});
        }
        if (c.responses > 0) {
            satisfaction.bars.push_back({c.title, c.satisfaction_avg});
            satisfaction_table.rows.push_back({c.title, count_text(c.responses), rate_text(c.response_rate, c.ended),
                                               average_text(c.satisfaction_avg, true)});
        }
    }
    out.push_back(bar_figure(app, "Taux de présence par cycle", presence, presence_table));
    out.push_back(bar_figure(app, "Satisfaction moyenne par cycle", satisfaction, satisfaction_table));
    return out;
}

json cycle_rows(const services::Dashboard& d) {
    json rows = json::array();
    for (const auto& c : d.cycles) {
        const bool people = c.confirmed > 0;
        rows.push_back({{"slug", c.slug},
                        {"title", c.title},
                        {"status", admin::status_badge(c.status)},
                        {"first_session", day_text(c.first_session)},
                        {"sessions", std::to_string(c.sessions_held) + " / " + std::to_string(c.sessions)},
                        {"confirmed", count_text(c.confirmed)},
                        {"collectivites", count_text(c.collectivites)},
                        {"elus", rate_text(c.elus_rate, people)},
                        {"priority", rate_text(c.priority_rate, people)},
                        {"attendance", rate_text(c.attendance_rate, people && c.sessions_held > 0)},
                        {"leads", count_text(c.leads)},
                        {"satisfaction", average_text(c.satisfaction_avg, c.responses > 0)},
                        // A cycle still running has had no questionnaire to answer.
                        {"response_rate", rate_text(c.response_rate, people && c.ended)}});
    }
    return rows;
}

json tiles(const services::DashboardTotals& t) {
    const bool people = t.participations > 0;
    return json::array(
        {tile("Personnes", count_text(t.people),
              count_text(t.participations) + " participation(s) à " + count_text(t.cycles) + " cycle(s)"),
         tile("Collectivités", count_text(t.collectivites), "distinctes"),
         tile("Élus", rate_text(t.elus_rate, people), "des participations"),
         tile("Public prioritaire", rate_text(t.priority_rate, people),
              "petites et moyennes communes et intercommunalités"),
         tile("Taux de présence", rate_text(t.attendance_rate, people && t.sessions_held > 0),
              "sur " + count_text(t.sessions_held) + " séance(s) tenue(s)"),
         tile("Pistes d’action", count_text(t.leads), "enregistrées par les participants"),
         tile("Satisfaction moyenne", average_text(t.satisfaction_avg, t.responses > 0),
              count_text(t.responses) + " réponse(s) au questionnaire"),
         tile("Taux de réponse", rate_text(t.response_rate, t.surveyed > 0),
              "au questionnaire de fin de cycle, sur " + count_text(t.ended_cycles) + " cycle(s) terminé(s)")});
}

}  // namespace

Response dashboard_page(const App& app, const Request& req, Visitor& visitor, const services::ReachSources& sources) {
    const auto typed = typed_filters(req);
    const auto filters = services::parse_dashboard_filters(typed.from, typed.to, typed.status);
    json view{{"title", "Rapports et tableau de bord – Administration"},
              {"from", typed.from},
              {"to", typed.to},
              {"status_options", status_options(filters ? typed.status : "")},
              {"filtered", !query_of(typed).empty()}};
    if (!filters) {
        const auto& f = filters.failure();
        view["error"] = f.message;
        view["error_" + f.field] = f.message;
        return app.page(visitor, "reports/dashboard", view, http_status(f));
    }
    // Back in the form as the date inputs expect them, also when typed as jj/mm/aaaa.
    if (filters->from) view["from"] = paris_time::iso_date(*filters->from);
    if (filters->to) view["to"] = paris_time::iso_date(*filters->to - 1);
    auto d = services::dashboard(app.db(), filters.value());
    if (!d) return admin::service_error(app, visitor, d.failure());
    const auto query = query_of(typed);
    view["results"] = true;
    view["tools_html"] = app.fragment("reports/tools", {{"csv_href", "/admin/rapports.csv" + query},
                                                       {"xlsx_href", "/admin/rapports.xlsx" + query},
                                                       {"what", "ce tableau de bord"}});
    view["tiles"] = tiles(d->totals);
    json blocks = json::array();
    for (auto& html : figures(app, d.value())) blocks.push_back({{"html", std::move(html)}});
    view["figures"] = blocks;
    view["cycles"] = cycle_rows(d.value());
    view["no_cycles"] = d->cycles.empty();
    view["cycle_count"] = d->cycles.size();
    auto reach = services::agency_reach(app.db(), sources.sections, {filters->from, filters->to});
    if (!reach) return admin::service_error(app, visitor, reach.failure());
    view["reach_html"] = app.fragment("reports/reach", reach_view(reach.value()));
    return app.page(visitor, "reports/dashboard", view);
}

Response dashboard_download(const App& app, const Request& req, Visitor& visitor, const std::string& format,
                            const services::ReachSources& sources) {
    const auto typed = typed_filters(req);
    const auto filters = services::parse_dashboard_filters(typed.from, typed.to, typed.status);
    if (!filters) return admin::service_error(app, visitor, filters.failure());
    auto file = services::export_dashboard(app.db(), filters.value(),
                                           format == "csv" ? services::ExportFormat::csv : services::ExportFormat::xlsx,
                                           sources.sections);
    if (!file) return admin::service_error(app, visitor, file.failure());
    return attachment(file.value());
}

}  // namespace ateliers::web::reports
