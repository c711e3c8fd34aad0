// The reports as spreadsheet tables, and their CSV and XLSX files.
#include <cstdio>

#include "features/cycles/domain/cycle_status.hpp"
#include "platform/charts/charts.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/audit/audit.hpp"
#include "features/cycles/services/cycle_admin.hpp"
#include "features/reports/services/agency_reach.hpp"
#include "features/reports/services/reports.hpp"

namespace ateliers::services {

namespace {

using spreadsheet::Table;

std::string n(long long v) { return std::to_string(v); }
// A rate or an average in French notation; empty when there was nothing to measure.
std::string pct(double v, bool measured) { return measured ? charts::format_number(v, 0) : ""; }
std::string avg(double v, bool measured) { return measured ? charts::format_number(v, 1) : ""; }

std::string day(std::int64_t utc) {
    if (utc <= 0) return "";
    const auto l = paris_time::to_local(utc);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", l.day, l.month, l.year);
    return buf;
}

Table tallies(const std::string& name, const std::string& first_column, const std::vector<Tally>& lines) {
    Table t{name, {first_column, "Participants"}, {}};
    for (const auto& l : lines) t.rows.push_back({l.label, n(l.count)});
    return t;
}

Table spread(const std::string& name, const std::string& first_column, const std::vector<SpreadLine>& lines) {
    Table t{name, {first_column, "Participants (personnes distinctes)", "Collectivités distinctes", "Participations"}, {}};
    for (const auto& l : lines) t.rows.push_back({l.label, n(l.people), n(l.collectivites), n(l.participations)});
    return t;
}

Result<ExportFile> export_tables(const std::vector<Table>& tables, const std::string& stem, ExportFormat format) {
    ExportFile file;
    if (format == ExportFormat::csv) {
        file.filename = stem + ".csv";
        file.content_type = "text/csv; charset=utf-8";
        file.bytes = spreadsheet::to_csv(tables);
        return file;
    }
    auto bytes = spreadsheet::to_xlsx(tables);
    if (!bytes) return bytes.failure();
    file.filename = stem + ".xlsx";
    file.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    file.bytes = std::move(bytes.value());
    return file;
}

}  // namespace

std::vector<Table> report_tables(const Dashboard& d) {
    Table cycles{"Cycles",
                 {"Cycle", "Identifiant", "Statut", "Première séance", "Séances", "Séances tenues",
                  "Participants confirmés", "Collectivités", "Élus (%)", "Public prioritaire (%)",
                  "Taux de présence (%)", "Pistes d’action", "Réponses au questionnaire", "Satisfaction moyenne (sur 5)",
                  "Taux de réponse (%)"},
                 {}};
    for (const auto& c : d.cycles)
        cycles.rows.push_back({c.title, c.slug, std::string(label_of(cycle_status_or_draft(c.status))), day(c.first_session), n(c.sessions),
                               n(c.sessions_held), n(c.confirmed), n(c.collectivites), pct(c.elus_rate, c.confirmed > 0),
                               pct(c.priority_rate, c.confirmed > 0),
                               pct(c.attendance_rate, c.confirmed > 0 && c.sessions_held > 0), n(c.leads),
                               n(c.responses), avg(c.satisfaction_avg, c.responses > 0),
                               pct(c.response_rate, c.ended && c.confirmed > 0)});
    const auto& t = d.totals;
    cycles.rows.push_back({"Total (" + n(t.cycles) + " cycles, " + n(t.people) + " personnes et " +
                               n(t.collectivites) + " collectivités distinctes)",
                           "", "", "", "", n(t.sessions_held), n(t.participations), n(t.collectivites),
                           pct(t.elus_rate, t.participations > 0), pct(t.priority_rate, t.participations > 0),
                           pct(t.attendance_rate, t.participations > 0 && t.sessions_held > 0), n(t.leads),
                           n(t.responses), avg(t.satisfaction_avg, t.responses > 0),
                           pct(t.response_rate, t.surveyed > 0)});
    return {cycles, spread("Régions", "Région", d.regions),
            spread("Types de territoire", "Type de territoire", d.territory_kinds),
            spread("Élus et agents", "Mandat", d.mandates)};
}

std::vector<Table> report_tables(const CycleReport& r) {
    const auto& s = r.satisfaction;
    const bool people = r.confirmed > 0;
    Table summary{"Synthèse", {"Indicateur", "Valeur"}, {}};
    summary.rows = {{"Cycle", r.cycle.title},
                    {"Statut", std::string(label_of(r.cycle.status))},
                    {"Intervenant", r.facilitator},
                    {"Participants confirmés", n(r.confirmed)},
                    {"Collectivités", n(r.collectivites)},
                    {"Élus", n(r.elus)},
                    {"Agents", n(r.agents)},
                    {"Élus (%)", pct(r.elus_rate, people)},
                    {"Public prioritaire", n(r.priority)},
                    {"Public prioritaire (%)", pct(r.priority_rate, people)},
                    {"Séances tenues", n(r.sessions_held) + " sur " + n(static_cast<long long>(r.sessions.size()))},
                    {"Taux de présence (%)", pct(r.attendance_rate, people && r.sessions_held > 0)},
                    {"Pistes d’action", n(r.leads)},
                    {"Réponses au questionnaire", n(s.responses)},
                    {"Taux de réponse (%)", pct(s.response_rate, people && s.open)},
                    {"Satisfaction moyenne (sur 5)", avg(s.satisfaction_avg, s.responses > 0)},
                    {"Utilité moyenne (sur 5)", avg(s.usefulness_avg, s.responses > 0)},
                    {"Recommanderaient les ateliers (%)", pct(s.recommend_rate, s.responses > 0)}};

    Table attendance{"Présence par séance",
                     {"Séance", "Date", "Tenue", "Présents", "Excusés", "Absents", "Non renseigné",
                      "Taux de présence (%)"},
                     {}};
    for (const auto& a : r.sessions)
        attendance.rows.push_back({n(a.number), day(a.starts_at), a.held ? "oui" : "non", n(a.present), n(a.excused),
                                   n(a.absent), n(a.unrecorded), pct(a.rate, a.held && people)});

    Table lead_statuses = tallies("Pistes par statut", "Statut", r.lead_statuses);
    lead_statuses.headers[1] = "Pistes d’action";
    Table leads{"Pistes d’action", {"Séance", "Collectivité", "Statut", "Piste d’action", "Avancement"}, {}};
    for (const auto& l : r.lead_list)
        leads.rows.push_back({n(l.session_number), l.collectivite, l.status_label, l.body, l.progress_note});

    Table notes{"Satisfaction", {"Note (sur 5)", "Satisfaction (réponses)", "Utilité (réponses)"}, {}};
    for (int i = 0; i < 5; ++i)
        notes.rows.push_back({n(i + 1), n(s.satisfaction_counts[i]), n(s.usefulness_counts[i])});
    Table comments{"Commentaires", {"Commentaire"}, {}};
    for (const auto& c : s.comments) comments.rows.push_back({c});

    return {summary,
            tallies("Régions", "Région", r.regions),
            tallies("Départements", "Département", r.departements),
            tallies("Types de territoire", "Type de territoire", r.territory_kinds),
            tallies("Tailles de collectivité", "Taille de la collectivité", r.size_classes),
            tallies("Élus et agents", "Mandat", r.mandates),
            attendance,
            lead_statuses,
            leads,
            notes,
            comments};
}

Result<ExportFile> export_dashboard(
    store::Database& db, const DashboardFilters& filters, ExportFormat format,
    const std::vector<std::function<modules::ReportSection(soci::session&, const modules::ReportPeriod&)>>& sections) {
    auto d = dashboard(db, filters);
    if (!d) return d.failure();
    auto tables = report_tables(d.value());
    if (!sections.empty()) {
        auto reach = agency_reach(db, sections, {filters.from, filters.to});
        if (!reach) return reach.failure();
        for (auto& t : reach_tables(reach.value())) tables.push_back(std::move(t));
    }
    return export_tables(tables, "rapports", format);
}

Result<ExportFile> export_cycle_report(store::Database& db, long long actor_id, const std::string& slug,
                                       ExportFormat format) {
    auto r = cycle_report(db, slug);
    if (!r) return r.failure();
    if (!r.value()) return fail("Ce cycle n’existe pas.", {}, FailureKind::not_found);
    auto file = export_tables(report_tables(*r.value()), "rapport-" + slug, format);
    if (!file) return file;
    auto logged = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        record_audit(sql, actor_id, format == ExportFormat::csv ? "report.csv" : "report.xlsx", "cycle:" + slug,
                     "Rapport du cycle : " + std::to_string(r.value()->leads) + " piste(s) d’action, " +
                         std::to_string(r.value()->satisfaction.comments.size()) + " commentaire(s)");
        return Done{};
    });
    if (!logged) return logged.failure();
    return file;
}

}  // namespace ateliers::services
