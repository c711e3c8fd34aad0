// The dashboard across cycles: one line per cycle, totals with distinct people and
// collectivités, and breakdowns by région, territory kind and mandate.
#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "features/feedback/domain/feedback_rules.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/referential/size_class.hpp"
#include "platform/core/text.hpp"
#include "features/running/services/live_sessions.hpp"
#include "features/reports/services/report_data.hpp"
#include "features/reports/services/reports.hpp"

namespace ateliers::services {

namespace {

using namespace report_data;

struct CycleHead {
    long long id = 0;
    CycleLine line;
};

std::vector<CycleHead> load_cycles(soci::session& sql) {
    std::vector<CycleHead> out;
    for (auto& c : store::report_cycle_heads(sql)) {
        CycleHead h;
        h.id = c.id;
        h.line.slug = std::move(c.slug);
        h.line.title = std::move(c.title);
        h.line.status = std::move(c.status);
        h.line.first_session = c.first_session;
        h.line.sessions = c.sessions;
        h.line.last_session_end = c.last_session_end;
        out.push_back(std::move(h));
    }
    return out;
}

bool selected(const CycleLine& c, const DashboardFilters& f) {
    if (!f.status.empty() && c.status != f.status) return false;
    if ((f.from || f.to) && c.sessions == 0) return false;  // no first session to place in the period
    if (f.from && c.first_session < *f.from) return false;
    if (f.to && c.first_session >= *f.to) return false;
    return true;
}

// Distinct people and collectivités, and participations, per category.
struct Spread {
    std::string label;
    std::set<long long> people;
    std::set<std::string> collectivites;
    int participations = 0;
};

void spread_add(std::map<std::string, Spread>& m, const std::string& code, const std::string& label,
                const Participation& p) {
    auto& s = m[code];
    s.label = label;
    s.people.insert(p.user_id);
    s.collectivites.insert(p.collectivite_id);
    ++s.participations;
}

std::vector<SpreadLine> spread_lines(const std::map<std::string, Spread>& m) {
    std::vector<SpreadLine> out;
    for (const auto& [code, s] : m)
        out.push_back({code, s.label, static_cast<int>(s.people.size()), static_cast<int>(s.collectivites.size()),
                       s.participations});
    return out;
}

bool parse_day(const std::string& typed, int& y, int& m, int& d) {
    const auto parsed = paris_time::parse_civil_date(typed);
    if (!parsed) return false;
    y = parsed->year, m = parsed->month, d = parsed->day;
    return true;
}

// Midnight in Paris at the start of that day, `plus_days` later.
std::int64_t paris_midnight(int y, int m, int d, int plus_days) {
    const auto l = paris_time::to_local((paris_time::days_from_civil(y, m, d) + plus_days) * 86400 + 12 * 3600);
    return paris_time::to_utc(l.year, l.month, l.day, 0, 0);
}

}  // namespace

Result<DashboardFilters> parse_dashboard_filters(const std::string& from, const std::string& to,
                                                 const std::string& status) {
    DashboardFilters f;
    int y = 0, m = 0, d = 0;
    if (!text::trim(from).empty()) {
        if (!parse_day(from, y, m, d))
            return fail("Indiquez la date de début au format jj/mm/aaaa, par exemple 01/09/2026.", "du", FailureKind::invalid);
        f.from = paris_midnight(y, m, d, 0);
    }
    if (!text::trim(to).empty()) {
        if (!parse_day(to, y, m, d))
            return fail("Indiquez la date de fin au format jj/mm/aaaa, par exemple 30/06/2027.", "au", FailureKind::invalid);
        f.to = paris_midnight(y, m, d, 1);
    }
    if (f.from && f.to && *f.to <= *f.from)
        return fail("La date de fin doit être le même jour que la date de début ou après.", "au", FailureKind::invalid);
    if (!status.empty() && status != "draft" && status != "published" && status != "closed")
        return fail("Choisissez un statut de cycle dans la liste.", "statut", FailureKind::invalid);
    f.status = status;
    return f;
}

Result<Dashboard> dashboard(store::Database& db, const DashboardFilters& filters, std::int64_t now) {
    try {
        return store::with_session(db, [&](soci::session& sql) -> Dashboard {
            Dashboard d;
            d.filters = filters;
            std::map<long long, CycleLine> lines;
            for (auto& h : load_cycles(sql))
                if (selected(h.line, filters)) lines.emplace(h.id, std::move(h.line));

            std::map<long long, long long> present_held;
            const auto stages = live_stages(sql, 0);
            for (const auto& s : sessions(sql, 0)) {
                const auto it = lines.find(s.cycle_id);
                if (it == lines.end() ||
                    !session_plan::has_started(session_state_of(stages, s.id, s.starts_at, s.ends_at, now)))
                    continue;
                ++it->second.sessions_held;
                present_held[s.cycle_id] += s.present;
            }
            std::map<std::string, Spread> regions, kinds, mandates;
            std::set<long long> people;
            std::set<std::string> collectivites;
            std::map<long long, std::set<std::string>> cycle_collectivites;
            for (const auto& p : participations(sql, 0)) {
                const auto it = lines.find(p.cycle_id);
                if (it == lines.end()) continue;
                auto& c = it->second;
                ++c.confirmed;
                cycle_collectivites[p.cycle_id].insert(p.collectivite_id);
                if (p.mandate == "elu") ++c.elus;
                if (referential::is_priority_size_class(p.size_class)) ++c.priority;
                people.insert(p.user_id);
                collectivites.insert(p.collectivite_id);
                spread_add(regions, p.region_code, region_label(p), p);
                const auto kind = territory_kind(p.size_class, p.zone);
                spread_add(kinds, kind, territory_kind_label(kind), p);
                spread_add(mandates, p.mandate, mandate_label(p.mandate), p);
            }
            for (const auto& l : leads(sql, 0))
                if (const auto it = lines.find(l.cycle_id); it != lines.end()) ++it->second.leads;
            std::map<long long, long long> satisfaction_sum;
            for (const auto& f : feedback(sql, 0)) {
                const auto it = lines.find(f.cycle_id);
                if (it == lines.end()) continue;
                ++it->second.responses;
                satisfaction_sum[f.cycle_id] += f.satisfaction;
            }

            auto& t = d.totals;
            long long expected_total = 0, present_total = 0, satisfaction_total = 0, responses_ended = 0;
            for (auto& [id, c] : lines) {
                c.collectivites = static_cast<int>(cycle_collectivites[id].size());
                c.elus_rate = percent(c.elus, c.confirmed);
                c.priority_rate = percent(c.priority, c.confirmed);
                const long long expected = static_cast<long long>(c.confirmed) * c.sessions_held;
                c.attendance_rate = percent(present_held[id], expected);
                c.satisfaction_avg = average(satisfaction_sum[id], c.responses);
                c.ended = feedback::eligibility(true, c.last_session_end, now) != feedback::Eligibility::not_ended;
                if (c.ended) {
                    c.response_rate = percent(c.responses, c.confirmed);
                    ++t.ended_cycles;
                    t.surveyed += c.confirmed;
                    responses_ended += c.responses;
                }
                ++t.cycles;
                t.participations += c.confirmed;
                t.elus += c.elus;
                t.priority += c.priority;
                t.sessions_held += c.sessions_held;
                t.leads += c.leads;
                t.responses += c.responses;
                expected_total += expected;
                present_total += present_held[id];
                satisfaction_total += satisfaction_sum[id];
                d.cycles.push_back(c);
            }
            t.people = static_cast<int>(people.size());
            t.collectivites = static_cast<int>(collectivites.size());
            t.elus_rate = percent(t.elus, t.participations);
            t.priority_rate = percent(t.priority, t.participations);
            t.attendance_rate = percent(present_total, expected_total);
            t.satisfaction_avg = average(satisfaction_total, t.responses);
            t.response_rate = percent(responses_ended, t.surveyed);

            std::stable_sort(d.cycles.begin(), d.cycles.end(), [](const CycleLine& a, const CycleLine& b) {
                if ((a.sessions == 0) != (b.sessions == 0)) return b.sessions == 0;
                if (a.first_session != b.first_session) return a.first_session < b.first_session;
                return a.title < b.title;
            });
            d.regions = spread_lines(regions);
            std::stable_sort(d.regions.begin(), d.regions.end(),
                             [](const SpreadLine& a, const SpreadLine& b) { return by_name(a.label, b.label); });
            d.territory_kinds = spread_lines(kinds);
            std::stable_sort(d.territory_kinds.begin(), d.territory_kinds.end(),
                             [](const SpreadLine& a, const SpreadLine& b) {
                                 return territory_kind_rank(a.code) < territory_kind_rank(b.code);
                             });
            // Élus, agents, then anything else.
            d.mandates = spread_lines(mandates);
            const auto mandate_rank = [](const std::string& code) { return code == "elu" ? 0 : code == "agent" ? 1 : 2; };
            std::stable_sort(d.mandates.begin(), d.mandates.end(), [&](const SpreadLine& a, const SpreadLine& b) {
                return mandate_rank(a.code) < mandate_rank(b.code);
            });
            return d;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

}  // namespace ateliers::services
