#include "features/programmes/services/plans.hpp"

#include <algorithm>

#include "features/programmes/domain/plan_snapshot.hpp"
#include "features/programmes/store/grids.hpp"
#include "platform/audit/audit.hpp"
#include "platform/core/text.hpp"

namespace ateliers::services {

namespace {

std::vector<programmes::GridFamily> latest_families(soci::session& sql) {
    auto grid = store::latest_grid(sql);
    return grid ? grid->families : std::vector<programmes::GridFamily>{};
}

// Follow-ups move statuses every week; what the adopted plan and its draft are compared
// on is the plan's shape (title, kind, years), so the status is left out.
std::vector<programmes::PlanItem> shape_of(std::vector<programmes::PlanItem> items) {
    for (auto& i : items) i.status.clear();
    return items;
}

std::vector<programmes::PlanItem> items_of(const std::vector<store::PlanActionRow>& actions) {
    std::vector<programmes::PlanItem> out;
    for (const auto& a : actions) out.push_back({std::to_string(a.id), a.title, a.kind, a.years, a.status});
    return out;
}

std::string author_of(const CurrentUser* actor) {
    if (!actor) return "ANCT";
    return actor->full_name.empty() ? actor->email : actor->full_name;
}

}  // namespace

Result<PlanView> open_plan(store::Database& db, const CurrentUser* actor, const std::string& slug,
                           long long territory_id) {
    return store::in_transaction<PlanView>(db, [&](soci::session& sql) -> Result<PlanView> {
        auto scope = territory_scope(sql, actor, slug, territory_id);
        if (!scope) return scope.failure();
        PlanView v;
        v.programme = scope->programme;
        v.territory = scope->territory;
        v.can_edit = programmes::can_edit_plan(scope->viewer, territory_id);
        v.can_adopt = programmes::can_adopt_plan(scope->viewer, territory_id);
        v.actions = store::plan_actions_of(sql, territory_id);
        v.versions = store::plan_versions_of(sql, territory_id);
        for (const auto& ver : v.versions) {
            if (ver.status == "adopted") v.adopted = ver;
            else v.draft = ver;
        }
        if (v.draft)
            v.changes = programmes::plan_changes(
                shape_of(v.adopted ? programmes::parse_plan_snapshot(v.adopted->snapshot) : std::vector<programmes::PlanItem>{}),
                shape_of(items_of(v.actions)));
        v.families = latest_families(sql);
        return v;
    });
}

Result<long long> save_plan_action(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                   long long territory_id, const PlanActionInput& input) {
    Failure problems = fail("L’action n’est pas encore enregistrée : corrigez les champs signalés.", {},
                            FailureKind::invalid);
    const auto title = text::trim(input.title);
    if (title.empty()) problems.fields["title"] = "Donnez un intitulé à l’action.";
    else if (text::length_in_chars(title) > 200) problems.fields["title"] = "L’intitulé est limité à 200 caractères.";
    if (text::length_in_chars(input.description) > 4000)
        problems.fields["description"] = "La description est limitée à 4 000 caractères.";
    if (text::length_in_chars(input.providers) > 500)
        problems.fields["providers"] = "La liste des prestataires est limitée à 500 caractères.";
    programmes::ActionKind kind;
    if (!programmes::parse_action_kind(input.kind, kind))
        problems.fields["kind"] = "Choisissez le type d’action : formation, conduite du changement ou projet phare.";
    if (auto p = programmes::years_problem(input.years); !p.empty()) problems.fields["years"] = p;
    for (const auto& s : input.field_support) {
        programmes::FieldSupport f;
        if (!programmes::parse_field_support(s, f)) problems.fields["field_support"] = "Appui de terrain inconnu.";
    }
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        auto scope = territory_scope(sql, actor, slug, territory_id);
        if (!scope) return scope.failure();
        if (!programmes::can_edit_plan(scope->viewer, territory_id))
            return fail("Le plan est modifié par l’équipe du territoire, ses prestataires et l’ANCT.", {},
                        FailureKind::forbidden);
        const auto families = latest_families(sql);
        for (const auto& code : input.families)
            if (std::none_of(families.begin(), families.end(), [&](const auto& f) { return f.code == code; }))
                problems.fields["families"] = "Famille de savoir-faire inconnue : « " + code + " ».";
        std::optional<store::PlanActionRow> existing;
        if (input.id) {
            existing = store::find_plan_action(sql, territory_id, input.id);
            if (!existing) return fail("Action introuvable dans ce plan.", {}, FailureKind::not_found);
        }
        if (!problems.fields.empty()) {
            problems.field = problems.fields.begin()->first;
            return problems;
        }
        store::PlanActionRow row = existing ? *existing : store::PlanActionRow{};
        row.territory_id = territory_id;
        row.title = title;
        row.description = input.description;
        row.kind = input.kind;
        std::vector<int> years = input.years;
        std::sort(years.begin(), years.end());
        years.erase(std::unique(years.begin(), years.end()), years.end());
        std::vector<std::string> year_codes;
        for (int y : years) year_codes.push_back(std::to_string(y));
        row.years = programmes::join_codes(year_codes);
        row.families = programmes::join_codes(input.families);
        row.providers = text::trim(input.providers);
        row.field_support = programmes::join_codes(input.field_support);
        const long long now = store::now_utc_seconds();
        if (existing) {
            store::update_plan_action(sql, row, now);
        } else {
            row.status = programmes::status_code(programmes::Status::proposee);
            row.progress = 0;
            row.id = store::insert_plan_action(sql, row, now);
        }
        store::open_plan_draft_if_none(sql, territory_id, now);
        record_audit(sql, actor ? actor->id : 0, existing ? "programme.action.update" : "programme.action.create",
                     "programme:" + slug, "Action du plan « " + title + " » – " + scope->territory.label);
        return row.id;
    });
}

Result<PlanActionView> open_plan_action(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                        long long territory_id, long long action_id) {
    return store::in_transaction<PlanActionView>(db, [&](soci::session& sql) -> Result<PlanActionView> {
        auto scope = territory_scope(sql, actor, slug, territory_id);
        if (!scope) return scope.failure();
        auto action = store::find_plan_action(sql, territory_id, action_id);
        if (!action) return fail("Action introuvable dans ce plan.", {}, FailureKind::not_found);
        PlanActionView v;
        v.programme = scope->programme;
        v.territory = scope->territory;
        v.action = *action;
        v.follow_ups = store::action_follow_ups_of(sql, action_id);
        programmes::Status status;
        if (programmes::parse_status(action->status, status)) v.next_statuses = programmes::next_statuses(status);
        v.families = latest_families(sql);
        v.can_edit = programmes::can_edit_plan(scope->viewer, territory_id);
        return v;
    });
}

Result<long long> record_follow_up(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                   long long territory_id, long long action_id, const FollowUpInput& input) {
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        auto scope = territory_scope(sql, actor, slug, territory_id);
        if (!scope) return scope.failure();
        if (!programmes::can_edit_plan(scope->viewer, territory_id))
            return fail("Le suivi est tenu par l’équipe du territoire, ses prestataires et l’ANCT.", {},
                        FailureKind::forbidden);
        auto action = store::find_plan_action(sql, territory_id, action_id);
        if (!action) return fail("Action introuvable dans ce plan.", {}, FailureKind::not_found);
        programmes::Status from, to;
        if (!programmes::parse_status(action->status, from)) from = programmes::Status::proposee;
        if (!programmes::parse_status(input.status, to))
            return fail("Choisissez un statut de la liste.", "status", FailureKind::invalid);
        if (auto p = programmes::follow_up_problem(from, to, input.progress); !p.empty()) {
            // The field the message belongs to: a move the plan does not allow is the status's fault.
            const bool status_at_fault = input.progress >= 0 && input.progress <= 100 && from != to &&
                                         !programmes::can_move(from, to);
            return fail(p, status_at_fault ? "status" : "progress", FailureKind::invalid);
        }
        const auto comment = text::trim(input.comment);
        if (text::length_in_chars(comment) > 4000)
            return fail("Le commentaire est limité à 4 000 caractères.", "comment", FailureKind::invalid);
        if (from == to && input.progress == action->progress && comment.empty())
            return fail("Rien n’a changé : indiquez un nouveau statut, un avancement ou un commentaire.", "comment",
                        FailureKind::invalid);
        const long long now = store::now_utc_seconds();
        store::ActionFollowUpRow f;
        f.action_id = action_id;
        f.author_id = actor ? actor->id : 0;
        f.author_name = author_of(actor);
        f.status_before = action->status;
        f.status_after = input.status;
        f.progress_before = action->progress;
        f.progress_after = input.progress;
        f.comment = comment;
        f.created_at = now;
        const long long id = store::insert_action_follow_up(sql, f);
        store::set_plan_action_progress(sql, action_id, input.status, input.progress, now);
        record_audit(sql, f.author_id, "programme.action.follow_up", "programme:" + slug,
                     "Suivi de « " + action->title + " » – " + scope->territory.label);
        return id;
    });
}

Result<int> adopt_plan(store::Database& db, const CurrentUser* actor, const std::string& slug, long long territory_id) {
    return store::in_transaction<int>(db, [&](soci::session& sql) -> Result<int> {
        auto scope = territory_scope(sql, actor, slug, territory_id);
        if (!scope) return scope.failure();
        if (!programmes::can_adopt_plan(scope->viewer, territory_id))
            return fail("Le plan est adopté par l’équipe du territoire ou par l’ANCT.", {}, FailureKind::forbidden);
        const auto versions = store::plan_versions_of(sql, territory_id);
        auto draft = std::find_if(versions.begin(), versions.end(), [](const auto& v) { return v.status == "draft"; });
        if (draft == versions.end())
            return fail("Aucun projet de plan à adopter : la version en vigueur est déjà adoptée.", {},
                        FailureKind::conflict);
        const auto actions = store::plan_actions_of(sql, territory_id);
        if (actions.empty()) return fail("Le plan ne contient encore aucune action.", {}, FailureKind::invalid);
        const long long now = store::now_utc_seconds();
        store::adopt_plan_version(sql, draft->id, programmes::plan_snapshot_json(items_of(actions)), actor ? actor->id : 0,
                                  now);
        record_audit(sql, actor ? actor->id : 0, "programme.plan.adopt", "programme:" + slug,
                     "Plan adopté (version " + std::to_string(draft->number) + ") – " + scope->territory.label);
        return draft->number;
    });
}

}  // namespace ateliers::services
