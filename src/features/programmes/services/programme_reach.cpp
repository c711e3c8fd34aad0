#include "features/programmes/services/programme_reach.hpp"

#include <limits>
#include <map>
#include <set>

#include "features/programmes/domain/plan_rules.hpp"
#include "features/programmes/store/programme_reach.hpp"
#include "platform/core/paris_time.hpp"

namespace ateliers::services {

namespace {

const std::vector<std::string> statuses{"proposee", "en_cours", "bloquee", "faite", "abandonnee"};

std::string status_text(const std::string& code) {
    programmes::Status s;
    return programmes::parse_status(code, s) ? programmes::status_label(s) : code;
}

std::string years_text(int starts_year, int years) {
    return std::to_string(starts_year) + "–" + std::to_string(starts_year + years - 1);
}

}  // namespace

modules::ReportSection programme_report_section(soci::session& sql, const modules::ReportPeriod& period) {
    // A programme runs by calendar years: it is in the period when one of its years is.
    const int first_year = period.from ? paris_time::to_local(*period.from).year : 0;
    const int last_year = period.to ? paris_time::to_local(*period.to - 1).year : 9999;
    modules::ReportSection s;
    s.id = "programmes";
    s.kind = "Programmes d’accompagnement";
    s.title = "Programmes d’accompagnement";
    s.intro = "Les programmes en cours pendant au moins une année de la période : territoires accompagnés, "
              "actions de leurs plans selon leur état actuel, diagnostics et bilans annuels terminés dans la période.";
    const auto territories = store::programme_reach_territories(sql, first_year, last_year);
    std::set<long long> in_period;
    std::set<std::string> programmes_seen;
    for (const auto& t : territories) {
        in_period.insert(t.territory_id);
        programmes_seen.insert(t.programme_slug);
        s.reached.push_back(t.collectivite_id);
    }
    std::map<std::string, int> by_status;
    int actions = 0;
    for (const auto& a : store::programme_action_counts(sql, first_year, last_year)) {
        by_status[a.status] += a.count;
        actions += a.count;
    }
    int diagnostics = 0, reviews = 0;
    for (const auto& d : store::programme_assessments_done(sql, period.from.value_or(std::numeric_limits<std::int64_t>::min()),
                                                           period.to.value_or(std::numeric_limits<std::int64_t>::max())))
        if (in_period.count(d.territory_id)) ++(d.year == 0 ? diagnostics : reviews);
    s.figures = {{"Territoires accompagnés", std::to_string(territories.size()),
                  "dans " + std::to_string(programmes_seen.size()) + " programme(s)"},
                 {"Actions des plans", std::to_string(actions), "formations, conduite du changement, projets phares"},
                 {"Bilans annuels", std::to_string(reviews), "terminés dans la période"},
                 {"Diagnostics", std::to_string(diagnostics), "terminés dans la période"}};
    modules::ReportTable t{"Programmes : actions des plans par état", {"État", "Actions"}, {}};
    for (const auto& code : statuses) t.rows.push_back({status_text(code), std::to_string(by_status[code])});
    s.tables.push_back(std::move(t));
    return s;
}

std::vector<modules::TerritoryParticipation> programme_territory_activity(
    soci::session& sql, const std::vector<std::string>& collectivite_ids) {
    std::vector<modules::TerritoryParticipation> out;
    if (collectivite_ids.empty()) return out;
    // Every territory's actions and reviews, read once, for the few territories shown.
    std::map<long long, std::map<std::string, int>> actions;
    for (const auto& a : store::programme_action_counts(sql, 1, 0)) actions[a.territory_id][a.status] += a.count;
    std::map<long long, std::vector<int>> done;
    for (const auto& d : store::programme_assessments_done(sql, std::numeric_limits<std::int64_t>::min(),
                                                           std::numeric_limits<std::int64_t>::max()))
        done[d.territory_id].push_back(d.year);
    for (const auto& id : collectivite_ids)
        for (const auto& t : store::programme_territories_of(sql, id)) {
            modules::TerritoryParticipation p;
            p.kind = "programme";
            p.kind_label = "Programmes d’accompagnement";
            p.collectivite_id = id;
            p.offer = t.programme_title + " – " + t.label;
            p.href = "/programmes/" + t.programme_slug + "/territoires/" + std::to_string(t.territory_id);
            p.starts_at = paris_time::to_utc(t.starts_year, 1, 1, 0, 0);
            p.when = years_text(t.starts_year, t.years);
            p.people = store::programme_territory_team(sql, t.territory_id);
            std::string plan;
            int total = 0;
            for (const auto& code : statuses)
                if (const int n = actions[t.territory_id][code]; n > 0) {
                    plan += (plan.empty() ? "" : ", ") + std::to_string(n) + " " + status_text(code);
                    total += n;
                }
            p.outcomes.push_back(total == 0 ? std::string("Aucune action au plan")
                                            : std::to_string(total) + " action(s) au plan : " + plan);
            int diagnostics = 0, reviews = 0;
            for (int year : done[t.territory_id]) ++(year == 0 ? diagnostics : reviews);
            p.outcomes.push_back(std::string(diagnostics > 0 ? "Diagnostic terminé" : "Diagnostic non terminé") + ", " +
                                 std::to_string(reviews) + " bilan(s) annuel(s) terminé(s)");
            out.push_back(std::move(p));
        }
    return out;
}

}  // namespace ateliers::services
