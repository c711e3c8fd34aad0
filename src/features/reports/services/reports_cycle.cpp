// The report of one cycle: participants, attendance, action leads, satisfaction.
#include <algorithm>

#include "features/feedback/domain/feedback_rules.hpp"
#include "platform/referential/size_class.hpp"
#include "features/reports/services/report_data.hpp"
#include "features/running/services/live_sessions.hpp"
#include "features/reports/services/reports.hpp"

namespace ateliers::services {

namespace {

using namespace report_data;

void add(std::vector<Tally>& lines, const std::string& code, const std::string& label) {
    auto it = std::find_if(lines.begin(), lines.end(), [&](const Tally& t) { return t.code == code; });
    if (it == lines.end()) {
        lines.push_back({code, label, 0});
        it = lines.end() - 1;
    }
    ++it->count;
}

void count_participants(CycleReport& r, const std::vector<Participation>& people) {
    r.mandates = {{"elu", mandate_label("elu"), 0}, {"agent", mandate_label("agent"), 0}};
    std::vector<std::string> collectivites;
    for (const auto& p : people) {
        ++r.confirmed;
        collectivites.push_back(p.collectivite_id);
        if (p.mandate == "elu") ++r.elus;
        if (p.mandate == "agent") ++r.agents;
        if (referential::is_priority_size_class(p.size_class)) ++r.priority;
        add(r.mandates, p.mandate, mandate_label(p.mandate));
        add(r.regions, p.region_code, region_label(p));
        add(r.departements, p.departement_code, departement_label(p));
        const auto kind = territory_kind(p.size_class, p.zone);
        add(r.territory_kinds, kind, territory_kind_label(kind));
        add(r.size_classes, p.size_class, referential::size_class_label(p.size_class));
    }
    std::sort(collectivites.begin(), collectivites.end());
    r.collectivites = static_cast<int>(std::unique(collectivites.begin(), collectivites.end()) - collectivites.begin());
    r.elus_rate = percent(r.elus, r.confirmed);
    r.priority_rate = percent(r.priority, r.confirmed);
    std::stable_sort(r.regions.begin(), r.regions.end(), [](const Tally& a, const Tally& b) { return by_name(a.label, b.label); });
    std::stable_sort(r.departements.begin(), r.departements.end(),
                     [](const Tally& a, const Tally& b) { return a.code < b.code; });
    std::stable_sort(r.territory_kinds.begin(), r.territory_kinds.end(), [](const Tally& a, const Tally& b) {
        return territory_kind_rank(a.code) < territory_kind_rank(b.code);
    });
    std::stable_sort(r.size_classes.begin(), r.size_classes.end(), [](const Tally& a, const Tally& b) {
        return size_class_rank(a.code) < size_class_rank(b.code);
    });
}

void count_attendance(CycleReport& r, const std::vector<SessionFacts>& sessions,
                      const std::map<long long, session_plan::Stage>& stages, std::int64_t now) {
    long long present_held = 0;
    for (const auto& s : sessions) {
        SessionAttendance a;
        a.number = s.number;
        a.starts_at = s.starts_at;
        a.held = session_plan::has_started(session_state_of(stages, s.id, s.starts_at, s.ends_at, now));
        a.present = s.present;
        a.excused = s.excused;
        a.absent = s.absent;
        a.unrecorded = std::max(0, r.confirmed - s.present - s.excused - s.absent);
        if (a.held) {
            a.rate = percent(s.present, r.confirmed);
            ++r.sessions_held;
            present_held += s.present;
        }
        r.sessions.push_back(a);
    }
    r.attendance_rate = percent(present_held, static_cast<long long>(r.confirmed) * r.sessions_held);
}

void count_leads(CycleReport& r, const std::vector<LeadFacts>& leads) {
    for (const auto& code : services::lead_statuses) r.lead_statuses.push_back({code, lead_status_label(code), 0});
    for (const auto& l : leads) {
        ++r.leads;
        add(r.lead_statuses, l.status, lead_status_label(l.status));
        r.lead_list.push_back({l.id, l.collectivite_label, l.session_number, l.status, lead_status_label(l.status),
                               l.body, l.progress_note});
    }
}

}  // namespace

Result<std::optional<CycleReport>> cycle_report(store::Database& db, const std::string& slug, std::int64_t now) {
    try {
        return store::with_session(db, [&](soci::session& sql) -> std::optional<CycleReport> {
            const auto cycle = store::find_cycle(sql, db.dialect(), slug, false);
            if (!cycle) return std::nullopt;
            CycleReport r;
            r.cycle = *cycle;
            if (cycle->facilitator_id != 0) {
                if (auto name = store::facilitator_name(sql, cycle->facilitator_id)) r.facilitator = std::move(*name);
            }
            count_participants(r, participations(sql, cycle->id));
            const auto facts = sessions(sql, cycle->id);
            count_attendance(r, facts, live_stages(sql, cycle->id), now);
            count_leads(r, leads(sql, cycle->id));
            std::int64_t last_end = 0;
            for (const auto& s : facts) last_end = std::max(last_end, s.ends_at);
            r.satisfaction = summarise(feedback(sql, cycle->id), r.confirmed);
            r.satisfaction.open =
                feedback::eligibility(true, last_end, now) != feedback::Eligibility::not_ended;
            if (!r.satisfaction.open) r.satisfaction.response_rate = 0;
            return r;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

}  // namespace ateliers::services
