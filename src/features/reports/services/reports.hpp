#pragma once
// Reports for the agency: one report per cycle (who took part, by territory and
// mandate; attendance per session; action leads; satisfaction) and a dashboard
// across cycles, with the same figures as spreadsheet tables for CSV and XLSX.
//
// Definitions (also in docs/reports.md):
//   participants      registrations with status "confirmed" (one per person and cycle);
//   priority public   small and medium communes and intercommunalités
//                     (referential::is_priority_size_class);
//   attendance rate   present / confirmed over the sessions held, counting only
//                     confirmed registrations (someone who left does not count);
//   session held      a session that has started, by its schedule or in the live
//                     runner (session_plan::session_state);
//   cycle ended       its last session's scheduled end has passed: the
//                     questionnaire opens then (feedback::eligibility);
//   satisfaction      questionnaires of confirmed registrations; response rate =
//                     responses / confirmed, over ended cycles only (a cycle still
//                     running has had no questionnaire to answer).
// Every rate and average is 0 (never NaN) when its denominator is 0; the counts
// beside it tell whether there was anything to measure.
#include <array>
#include <functional>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/core/reach.hpp"
#include "platform/core/result.hpp"
#include "features/registration/services/registration_admin.hpp"
#include "platform/export/spreadsheet.hpp"
#include "features/cycles/store/cycles.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

// One line of a breakdown within a cycle (participants are distinct people there).
struct Tally {
    std::string code;
    std::string label;
    int count = 0;
};

// One line of a breakdown across cycles: a person who took part in two cycles
// counts once in `people` and twice in `participations`.
struct SpreadLine {
    std::string code;
    std::string label;
    int people = 0;
    int collectivites = 0;
    int participations = 0;
};

struct SessionAttendance {
    int number = 0;
    std::int64_t starts_at = 0;
    bool held = false;
    int present = 0, excused = 0, absent = 0;
    int unrecorded = 0;  // confirmed participants without an attendance line
    double rate = 0;     // present / confirmed, in %, when held
};

struct LeadLine {
    long long id = 0;
    std::string collectivite;  // "Pélussin (42) – commune"
    int session_number = 0;
    std::string status;  // open | in_progress | done | dropped
    std::string status_label;
    std::string body;
    std::string progress_note;
};

struct Satisfaction {
    bool open = false;  // the cycle ended: the questionnaire can be answered
    int responses = 0;
    double response_rate = 0;     // % of confirmed participants, once open
    double satisfaction_avg = 0;  // 1–5
    double usefulness_avg = 0;    // 1–5
    std::array<int, 5> satisfaction_counts{};  // [0] = how many answered 1 … [4] = 5
    std::array<int, 5> usefulness_counts{};
    int recommend = 0;
    double recommend_rate = 0;  // % of responses
    std::vector<std::string> comments;  // non-empty ones, oldest first, without their author
};

struct CycleReport {
    store::CycleRow cycle;
    std::string facilitator;  // empty when none
    int confirmed = 0;
    int collectivites = 0;
    int elus = 0, agents = 0;
    int priority = 0;
    double elus_rate = 0, priority_rate = 0;  // % of confirmed
    std::vector<Tally> regions, departements, territory_kinds, size_classes, mandates;
    std::vector<SessionAttendance> sessions;
    int sessions_held = 0;
    double attendance_rate = 0;  // %, over the sessions held
    int leads = 0;
    std::vector<Tally> lead_statuses;  // every status, in workflow order
    std::vector<LeadLine> lead_list;   // by session, then as recorded
    Satisfaction satisfaction;
};

// nullopt when no cycle has this slug. `now` decides which sessions are held.
Result<std::optional<CycleReport>> cycle_report(store::Database& db, const std::string& slug,
                                                std::int64_t now = store::now_utc_seconds());

struct DashboardFilters {
    std::optional<std::int64_t> from;  // first session at or after (UTC seconds)
    std::optional<std::int64_t> to;    // first session strictly before (UTC seconds)
    std::string status;                // draft | published | closed; empty for all
};

// Typed filters ("2026-01-31" or "31/01/2026", status code) to DashboardFilters;
// `to` is inclusive as typed (the whole day). Failures name the field: "du", "au", "statut".
Result<DashboardFilters> parse_dashboard_filters(const std::string& from, const std::string& to,
                                                 const std::string& status);

struct CycleLine {
    std::string slug, title, status;
    std::int64_t first_session = 0;  // 0 when none
    std::int64_t last_session_end = 0;  // 0 when none
    bool ended = false;                 // questionnaire open; only then a response rate
    int sessions = 0, sessions_held = 0;
    int confirmed = 0, collectivites = 0, elus = 0, priority = 0;
    double elus_rate = 0, priority_rate = 0;
    double attendance_rate = 0;
    int leads = 0;
    int responses = 0;
    double satisfaction_avg = 0;
    double response_rate = 0;
};

struct DashboardTotals {
    int cycles = 0;
    int participations = 0;  // confirmed registrations, summed over cycles
    int people = 0;          // distinct persons
    int collectivites = 0;   // distinct collectivités
    int elus = 0, priority = 0;  // participations
    double elus_rate = 0, priority_rate = 0;
    int sessions_held = 0;
    double attendance_rate = 0;
    int leads = 0;
    int responses = 0;
    double satisfaction_avg = 0;
    int ended_cycles = 0;
    int surveyed = 0;  // confirmed registrations of the ended cycles
    double response_rate = 0;  // responses / surveyed
};

struct Dashboard {
    DashboardFilters filters;
    std::vector<CycleLine> cycles;  // by first session, cycles without sessions last
    DashboardTotals totals;
    std::vector<SpreadLine> regions;          // by name
    std::vector<SpreadLine> territory_kinds;  // in the order of territory kinds
    std::vector<SpreadLine> mandates;         // élus, agents
};

Result<Dashboard> dashboard(store::Database& db, const DashboardFilters& filters,
                            std::int64_t now = store::now_utc_seconds());

// The figures as spreadsheet tables: one per section, in the order of the page.
std::vector<spreadsheet::Table> report_tables(const Dashboard& d);
std::vector<spreadsheet::Table> report_tables(const CycleReport& r);

// rapports.csv / .xlsx: aggregated figures only, so nothing goes to the audit log. After
// the cycles' tables: "collectivités touchées" and each module's section over the same
// dates (agency_reach.hpp), when `sections` are given.
Result<ExportFile> export_dashboard(
    store::Database& db, const DashboardFilters& filters, ExportFormat format,
    const std::vector<std::function<modules::ReportSection(soci::session&, const modules::ReportPeriod&)>>& sections = {});
// rapport-<slug>.csv / .xlsx: the leads name collectivités (one per cycle, hence a
// person) and comments are personal, so the export is written to the audit log.
Result<ExportFile> export_cycle_report(store::Database& db, long long actor_id, const std::string& slug,
                                       ExportFormat format);

}  // namespace ateliers::services
