// /admin/rapports/SLUG: the report of one cycle, and its CSV/XLSX files.
#include "platform/core/paris_time.hpp"
#include "features/cycles/services/cycle_admin.hpp"
#include "platform/http/admin_routes.hpp"
#include "features/reports/web/report_routes.hpp"
#include "features/reports/web/report_view.hpp"
#include "features/cycles/web/cycle_pages.hpp"

namespace ateliers::web::reports {

namespace {

using nlohmann::json;

std::string session_label(const services::SessionAttendance& s) {
    return "Séance " + std::to_string(s.number) + " – " + paris_time::long_date(s.starts_at) +
           (s.held ? "" : " (à venir)");
}

json tiles(const services::CycleReport& r) {
    const bool people = r.confirmed > 0;
    const auto& s = r.satisfaction;
    return json::array(
        {tile("Participants confirmés", count_text(r.confirmed), "pour " + count_text(r.cycle.capacity) + " places"),
         tile("Collectivités", count_text(r.collectivites)),
         tile("Élus", rate_text(r.elus_rate, people),
              count_text(r.elus) + " élu(s) et " + count_text(r.agents) + " agent(s)"),
         tile("Public prioritaire", rate_text(r.priority_rate, people),
              count_text(r.priority) + " petite(s) ou moyenne(s) commune(s) ou intercommunalité(s)"),
         tile("Taux de présence", rate_text(r.attendance_rate, people && r.sessions_held > 0),
              "sur " + count_text(r.sessions_held) + " séance(s) tenue(s) sur " +
                  count_text(static_cast<long long>(r.sessions.size()))),
         tile("Pistes d’action", count_text(r.leads), "enregistrées par les participants"),
         tile("Satisfaction moyenne", average_text(s.satisfaction_avg, s.responses > 0),
              count_text(s.responses) + " réponse(s) au questionnaire"),
         tile("Taux de réponse", rate_text(s.response_rate, people && s.open),
              s.open ? "au questionnaire de fin de cycle" : "le questionnaire s’ouvre à la fin du cycle")});
}

json participant_figures(const App& app, const services::CycleReport& r) {
    const std::string none = "Aucun participant confirmé pour le moment.";
    json out = json::array();
    for (auto& html : {tally_figure(app, "graphique-regions", "Participants par région", "Région", r.regions, none),
                       tally_figure(app, "graphique-departements", "Participants par département", "Département",
                                    r.departements, none),
                       tally_figure(app, "graphique-territoires", "Participants par type de territoire",
                                    "Type de territoire", r.territory_kinds, none),
                       tally_figure(app, "graphique-tailles", "Participants par taille de collectivité",
                                    "Taille de la collectivité", r.size_classes, none),
                       tally_figure(app, "graphique-mandats", "Élus et agents", "Mandat", r.mandates, none)})
        out.push_back({{"html", html}});
    return out;
}

std::string attendance_figure(const App& app, const services::CycleReport& r) {
    charts::StackedChart chart;
    chart.id = "graphique-presence";
    chart.title = "Présence des participants confirmés, par séance";
    chart.series = {"Présents", "Excusés", "Absents", "Non renseigné"};
    chart.empty_text = "Ce cycle n’a pas encore de séance.";
    DataTable table{"Présence par séance (participants confirmés)",
                    {"Séance", "Présents", "Excusés", "Absents", "Non renseigné", "Taux de présence"},
                    {}};
    for (const auto& s : r.sessions) {
        const auto label = session_label(s);
        chart.bars.push_back({label, {static_cast<double>(s.present), static_cast<double>(s.excused),
                                      static_cast<double>(s.absent), static_cast<double>(s.unrecorded)}});
        table.rows.push_back({label, count_text(s.present), count_text(s.excused), count_text(s.absent),
                              count_text(s.unrecorded), s.held ? rate_text(s.rate, r.confirmed > 0) : "à venir"});
    }
    return figure(app, "Présence par séance", charts::stacked_bar_svg(chart), table);
}

std::string distribution_figure(const App& app, const std::string& id, const std::string& heading,
                                 const std::array<int, 5>& counts) {
    charts::BarChart chart;
    chart.id = id;
    chart.title = heading;
    DataTable table{heading + " : nombre de réponses par note", {"Note", "Réponses"}, {}};
    int total = 0;
    for (int c : counts) total += c;
    if (total > 0)
        for (int i = 4; i >= 0; --i) {
            const auto label = std::to_string(i + 1) + " sur 5";
            chart.bars.push_back({label, static_cast<double>(counts[i])});
            table.rows.push_back({label, count_text(counts[i])});
        }
    chart.empty_text = "Aucune réponse au questionnaire pour le moment.";
    return bar_figure(app, heading, chart, table);
}

json leads_view(const services::CycleReport& r) {
    json rows = json::array();
    for (const auto& l : r.lead_list)
        rows.push_back({{"session", l.session_number},
                        {"collectivite", l.collectivite},
                        {"status", l.status_label},
                        {"body", l.body},
                        {"progress_note", admin::text_or_null(l.progress_note)}});
    return rows;
}

}  // namespace

Response cycle_report_page(const App& app, const Request&, Visitor& visitor, const std::string& slug) {
    auto found = services::cycle_report(app.db(), slug);
    if (!found) return admin::service_error(app, visitor, found.failure());
    if (!found.value()) return app.error_page(visitor, 404, "Cycle introuvable", "Ce cycle n’existe pas.");
    const auto& r = *found.value();
    const auto& s = r.satisfaction;

    charts::BarChart statuses;
    statuses.id = "graphique-pistes";
    statuses.title = "Pistes d’action par statut";
    DataTable status_table{"Pistes d’action par statut", {"Statut", "Pistes d’action"}, {}};
    if (r.leads > 0)
        for (const auto& t : r.lead_statuses) {
            statuses.bars.push_back({t.label, static_cast<double>(t.count)});
            status_table.rows.push_back({t.label, count_text(t.count)});
        }
    statuses.empty_text = "Aucune piste d’action enregistrée pour le moment.";

    json comments = json::array();
    for (const auto& c : s.comments) comments.push_back({{"text", c}});
    std::string period;
    if (!r.sessions.empty())
        period = "Du " + paris_time::long_date(r.sessions.front().starts_at) + " au " +
                 paris_time::long_date(r.sessions.back().starts_at) + ".";

    const std::string base = "/admin/rapports/" + r.cycle.slug;
    json view{{"title", "Rapport – " + r.cycle.title + " – Administration"},
              {"cycle",
               {{"slug", r.cycle.slug},
                {"title", r.cycle.title},
                {"status", admin::status_badge(r.cycle.status)},
                {"facilitator", admin::text_or_null(r.facilitator)},
                {"period", admin::text_or_null(period)}}},
              {"tools_html", app.fragment("reports/tools", {{"csv_href", base + ".csv"},
                                                            {"xlsx_href", base + ".xlsx"},
                                                            {"what", "ce rapport"}})},
              {"tiles", tiles(r)},
              {"participant_figures", participant_figures(app, r)},
              {"attendance_html", attendance_figure(app, r)},
              {"leads_html", bar_figure(app, "Pistes d’action par statut", statuses, status_table)},
              {"leads", leads_view(r)},
              {"has_leads", !r.lead_list.empty()},
              {"satisfaction_tiles",
               json::array({tile("Réponses", count_text(s.responses),
                                 "sur " + count_text(r.confirmed) + " participant(s) confirmé(s)"),
                            tile("Taux de réponse", rate_text(s.response_rate, r.confirmed > 0 && s.open),
                                 s.open ? "" : "le questionnaire s’ouvre à la fin du cycle"),
                            tile("Satisfaction moyenne", average_text(s.satisfaction_avg, s.responses > 0)),
                            tile("Utilité moyenne", average_text(s.usefulness_avg, s.responses > 0)),
                            tile("Recommanderaient les ateliers", rate_text(s.recommend_rate, s.responses > 0),
                                 count_text(s.recommend) + " réponse(s) sur " + count_text(s.responses))})},
              {"satisfaction_html", distribution_figure(app, "graphique-satisfaction",
                                                        "Satisfaction : répartition des notes", s.satisfaction_counts)},
              {"usefulness_html", distribution_figure(app, "graphique-utilite", "Utilité : répartition des notes",
                                                      s.usefulness_counts)},
              {"comments", comments},
              {"comment_count", comments.size()},
              {"has_comments", !comments.empty()}};
    return app.page(visitor, "reports/cycle", view);
}

Response cycle_report_download(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                               const std::string& format) {
    const bool csv = format == "csv";
    if (req.method == Method::head) {  // nothing leaves the service, nothing to audit
        Response r;
        r.content_type = csv ? "text/csv; charset=utf-8"
                             : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        r.header("Cache-Control", "no-store");
        return r;
    }
    auto file = services::export_cycle_report(app.db(), visitor.user->id, slug,
                                              csv ? services::ExportFormat::csv : services::ExportFormat::xlsx);
    if (!file) return admin::service_error(app, visitor, file.failure());
    return attachment(file.value());
}

}  // namespace ateliers::web::reports
