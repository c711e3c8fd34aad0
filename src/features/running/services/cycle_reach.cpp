#include "features/running/services/cycle_reach.hpp"

#include <limits>
#include <map>
#include <set>

#include "features/running/services/live_sessions.hpp"
#include "features/running/store/cycle_reach.hpp"

namespace ateliers::services {

namespace {

std::string mandate_text(const std::string& mandate) {
    if (mandate == "elu") return "élu(e)";
    if (mandate == "agent") return "agent";
    return mandate;
}

}  // namespace

modules::ReportSection cycle_report_section(soci::session& sql, const modules::ReportPeriod& period) {
    const auto from = period.from.value_or(std::numeric_limits<std::int64_t>::min());
    const auto to = period.to.value_or(std::numeric_limits<std::int64_t>::max());
    modules::ReportSection s;
    s.id = "cycles-pistes";
    s.kind = "Cycles d’ateliers";
    s.title = "Cycles d’ateliers : pistes d’action";
    s.intro = "Les cycles dont la première séance tombe dans la période, quel que soit leur statut : "
              "collectivités des participants confirmés et pistes d’action selon leur état.";
    std::set<std::string> collectivites;
    for (const auto& r : store::cycle_reach_registrations(sql, from, to)) collectivites.insert(r.collectivite_id);
    std::map<std::string, int> by_status;
    const auto statuses = store::cycle_reach_lead_statuses(sql, from, to);
    for (const auto& st : statuses) ++by_status[st];
    s.figures = {{"Collectivités", std::to_string(collectivites.size()), "des participants confirmés"},
                 {"Pistes d’action", std::to_string(statuses.size()), "enregistrées par les participants"}};
    modules::ReportTable t{"Cycles : pistes d’action par état", {"État", "Pistes d’action"}, {}};
    for (const auto& code : lead_statuses) t.rows.push_back({lead_status_label(code), std::to_string(by_status[code])});
    s.tables.push_back(std::move(t));
    s.reached.assign(collectivites.begin(), collectivites.end());
    return s;
}

std::vector<modules::TerritoryParticipation> cycle_territory_activity(soci::session& sql,
                                                                      const std::vector<std::string>& collectivite_ids) {
    std::vector<modules::TerritoryParticipation> out;
    for (const auto& id : collectivite_ids) {
        std::map<long long, std::vector<store::CycleTerritoryLead>> leads;
        for (auto& l : store::cycle_territory_leads(sql, id)) leads[l.registration_id].push_back(std::move(l));
        // One collectivité holds one seat per cycle, but a cycle may have seen a
        // replacement: one line per cycle, every confirmed person on it.
        std::map<std::string, std::size_t> line_of;
        for (const auto& r : store::cycle_territory_rows(sql, id)) {
            auto it = line_of.find(r.slug);
            if (it == line_of.end()) {
                modules::TerritoryParticipation p;
                p.kind = "cycle";
                p.kind_label = "Cycles d’ateliers";
                p.collectivite_id = id;
                p.offer = r.title;
                p.href = "/admin/rapports/" + r.slug;
                p.starts_at = r.first_session;
                p.ends_at = r.last_session_end;
                it = line_of.emplace(r.slug, out.size()).first;
                out.push_back(std::move(p));
            }
            auto& p = out[it->second];
            std::string who = r.full_name + " (" + mandate_text(r.mandate);
            if (!r.function_title.empty()) who += ", " + r.function_title;
            p.people.push_back(who + ")");
            p.outcomes.push_back(r.full_name + " : présent(e) à " + std::to_string(r.present) + " séance(s) sur " +
                                 std::to_string(r.sessions) +
                                 (r.excused > 0 ? ", excusé(e) à " + std::to_string(r.excused) : std::string()) +
                                 (r.absent > 0 ? ", absent(e) à " + std::to_string(r.absent) : std::string()));
            for (const auto& l : leads[r.registration_id])
                p.outcomes.push_back("Piste d’action (" + lead_status_label(l.status) + ") : " + l.body);
        }
    }
    return out;
}

}  // namespace ateliers::services
