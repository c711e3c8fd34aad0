#include "features/projects/services/project_reach.hpp"

#include <algorithm>
#include <limits>

#include "features/projects/domain/stages.hpp"
#include "features/projects/store/project_reach.hpp"

namespace ateliers::services {

namespace {

std::vector<projects::StageState> states_of(const store::ProjectReachRow& p) {
    std::vector<projects::StageState> out;
    for (const auto& s : p.states) out.push_back(projects::parse_state(s));
    return out;
}

int validated(const std::vector<projects::StageState>& states) {
    int n = 0;
    for (auto s : states) n += s == projects::StageState::validated ? 1 : 0;
    return n;
}

}  // namespace

modules::ReportSection project_report_section(soci::session& sql, const modules::ReportPeriod& period) {
    const auto to = period.to.value_or(std::numeric_limits<std::int64_t>::max());
    modules::ReportSection s;
    s.id = "projets";
    s.kind = "Projets";
    s.title = "Projets (méthode de la Fabrique)";
    s.intro = "Les projets ouverts avant la fin de la période, selon l’étape où ils en sont aujourd’hui ; "
              "les livrables validés par l’accompagnement pendant la période.";
    const auto rows = store::project_reach_rows(sql, to);
    std::vector<int> by_stage(4, 0);
    int validated_total = 0;
    for (const auto& p : rows) {
        const auto states = states_of(p);
        ++by_stage[std::min<std::size_t>(projects::current_stage(states), 3)];
        validated_total += validated(states);
        s.reached.push_back(p.collectivite_id);
    }
    const int in_period = store::project_validations_between(
        sql, period.from.value_or(std::numeric_limits<std::int64_t>::min()), to);
    s.figures = {{"Projets", std::to_string(rows.size()), "ouverts avant la fin de la période"},
                 {"Livrables validés", std::to_string(in_period), "pendant la période"},
                 {"Livrables validés en tout", std::to_string(validated_total), "sur les trois de chaque projet"}};
    modules::ReportTable t{"Projets par étape", {"Étape", "Projets"}, {}};
    for (std::size_t i = 0; i < by_stage.size(); ++i)
        t.rows.push_back({projects::stage_name(i), std::to_string(by_stage[i])});
    s.tables.push_back(std::move(t));
    return s;
}

std::vector<modules::TerritoryParticipation> project_territory_activity(soci::session& sql,
                                                                        const std::vector<std::string>& collectivite_ids) {
    std::vector<modules::TerritoryParticipation> out;
    for (const auto& id : collectivite_ids)
        for (const auto& row : store::project_reach_rows(sql, std::numeric_limits<std::int64_t>::max(), id)) {
            const auto states = states_of(row);
            modules::TerritoryParticipation p;
            p.kind = "project";
            p.kind_label = "Projets";
            p.collectivite_id = id;
            p.offer = row.title;
            p.href = "/projets/" + std::to_string(row.id);
            p.starts_at = row.created_at;
            p.ends_at = row.last_validated_at;
            p.people = store::project_team_names(sql, row.id);
            const auto stage = projects::current_stage(states);
            p.outcomes.push_back(stage >= 3 ? projects::stage_name(stage)
                                            : "Étape : " + projects::stage_name(stage) + " (" +
                                                  projects::state_label(states.size() > stage ? states[stage]
                                                                                              : projects::StageState::locked) +
                                                  ")");
            p.outcomes.push_back(std::to_string(validated(states)) + " livrable(s) validé(s) sur 3");
            out.push_back(std::move(p));
        }
    return out;
}

}  // namespace ateliers::services
