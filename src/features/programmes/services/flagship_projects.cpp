#include "features/programmes/services/flagship_projects.hpp"

#include "features/programmes/services/territory_scope.hpp"
#include "features/programmes/store/plans.hpp"

namespace ateliers::services {

namespace {

struct FlagshipAction {
    store::PlanActionRow action;
    FlagshipStart start;  // who and what the project starts with
};

// The action, checked: the person edits this territory's plan and the action is a flagship.
Result<FlagshipAction> flagship_action(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                       long long territory_id, long long action_id) {
    return store::in_transaction<FlagshipAction>(db, [&](soci::session& sql) -> Result<FlagshipAction> {
        auto scope = territory_scope(sql, actor, slug, territory_id);
        if (!scope) return scope.failure();
        if (!programmes::can_edit_plan(scope->viewer, territory_id))
            return fail("Le plan est tenu par l’équipe du territoire, ses prestataires et l’ANCT.", {},
                        FailureKind::forbidden);
        auto action = store::find_plan_action(sql, territory_id, action_id);
        if (!action) return fail("Action introuvable dans ce plan.", {}, FailureKind::not_found);
        if (action->kind != "projet_phare")
            return fail("Seul un projet phare du plan est porté par un projet de la méthode.", {}, FailureKind::invalid);
        FlagshipAction out;
        out.action = *action;
        out.start.plan_action_id = action->id;
        out.start.collectivite_id = scope->territory.collectivite_id;
        out.start.title = action->title;
        out.start.summary = action->description;
        // The programme's managers review with the territory's providers.
        for (const auto& m : store::programme_members(sql, scope->programme.id)) {
            if (m.role == "manager") out.start.advisor_emails.push_back(m.email);
            if (m.territory_id != territory_id) continue;
            if (m.role == "territory_team") out.start.team_emails.push_back(m.email);
            if (m.role == "provider") out.start.advisor_emails.push_back(m.email);
        }
        return out;
    });
}

}  // namespace

Result<ActionProjects> action_projects(store::Database& db, const std::string& collectivite_id,
                                       const store::PlanActionRow& action) {
    ActionProjects out;
    if (action.kind != "projet_phare") return out;
    auto projects = collectivite_flagship_projects(db, collectivite_id);
    if (!projects) return projects.failure();
    for (auto& p : projects.value()) {
        if (p.plan_action_id == action.id) out.carried = std::move(p);
        else if (p.plan_action_id == 0) out.attachable.push_back(std::move(p));
    }
    return out;
}

Result<long long> start_action_project(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                       long long territory_id, long long action_id) {
    auto flagship = flagship_action(db, actor, slug, territory_id, action_id);
    if (!flagship) return flagship.failure();
    return start_flagship_project(db, actor, flagship->start);
}

Status attach_action_project(store::Database& db, const CurrentUser* actor, const std::string& slug,
                             long long territory_id, long long action_id, long long project_id) {
    auto flagship = flagship_action(db, actor, slug, territory_id, action_id);
    if (!flagship) return flagship.failure();
    return attach_flagship_project(db, actor, project_id, flagship->start.collectivite_id, action_id);
}

}  // namespace ateliers::services
