#include "features/programmes/services/reviews.hpp"

#include <map>

#include "features/programmes/domain/plan_rules.hpp"
#include "features/programmes/store/assessments.hpp"
#include "features/programmes/store/grids.hpp"
#include "platform/audit/audit.hpp"
#include "platform/core/text.hpp"

namespace ateliers::services {

namespace {

std::vector<programmes::FamilyScore> scores_of(soci::session& sql, const store::AssessmentRow& a,
                                               std::vector<programmes::GridFamily>* families, int& version) {
    auto grid = store::load_grid(sql, a.grid_version_id);
    if (!grid) return {};
    version = grid->version;
    std::map<long long, int> levels;
    for (const auto& ans : store::assessment_answers(sql, a.id))
        if (ans.level) levels[ans.criterion_id] = *ans.level;
    if (families)
        for (const auto& f : grid->families) families->push_back(f);
    return programmes::family_scores(*grid, levels);
}

}  // namespace

Result<ReviewView> open_review(store::Database& db, const CurrentUser* actor, const std::string& slug,
                               long long territory_id, int year) {
    if (year < 1 || year > 10) return fail("Bilan annuel introuvable.", {}, FailureKind::not_found);
    return store::in_transaction<ReviewView>(db, [&](soci::session& sql) -> Result<ReviewView> {
        auto scope = territory_scope(sql, actor, slug, territory_id);
        if (!scope) return scope.failure();
        if (year > scope->programme.years) return fail("Bilan annuel introuvable.", {}, FailureKind::not_found);
        ReviewView v;
        v.programme = scope->programme;
        v.territory = scope->territory;
        v.year = year;
        v.can_rate = programmes::can_rate(scope->viewer, territory_id);
        v.actions = store::plan_actions_of(sql, territory_id);
        std::optional<store::AssessmentRow> previous, current;
        for (const auto& a : store::territory_assessments(sql, territory_id)) {
            if (a.year < year) previous = a;
            if (a.year == year) current = a;
        }
        std::vector<programmes::FamilyScore> before, after;
        // Titles: the current version's first, then families only the earlier one had.
        std::vector<programmes::GridFamily> families;
        if (current) {
            v.rated = true;
            v.successes = current->successes;
            after = scores_of(sql, *current, &families, v.grid_version);
            v.adjustments = store::review_adjustments_of(sql, current->id);
        }
        if (previous) {
            v.previous_year = previous->year;
            before = scores_of(sql, *previous, &families, v.previous_grid_version);
        }
        for (const auto& f : families)
            if (std::none_of(v.families.begin(), v.families.end(), [&](const auto& g) { return g.code == f.code; }))
                v.families.push_back(f);
        v.changes = programmes::compare(before, after);
        return v;
    });
}

Result<long long> add_review_adjustment(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                        long long territory_id, int year, const ReviewAdjustmentInput& input) {
    Failure problems = fail("L’ajustement n’est pas encore enregistré : corrigez les champs signalés.", {},
                            FailureKind::invalid);
    programmes::Adjustment kind;
    if (!programmes::parse_adjustment(input.kind, kind))
        problems.fields["kind"] = "Choisissez le type d’ajustement : ajoutée, modifiée, abandonnée ou reportée.";
    const auto title = text::trim(input.title);
    const auto reason = text::trim(input.reason);
    if (title.empty() && !input.action_id) problems.fields["title"] = "Nommez l’action concernée.";
    if (text::length_in_chars(title) > 200) problems.fields["title"] = "L’intitulé est limité à 200 caractères.";
    if (reason.empty()) problems.fields["reason"] = "Donnez la raison de l’ajustement.";
    else if (text::length_in_chars(reason) > 4000) problems.fields["reason"] = "La raison est limitée à 4 000 caractères.";
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        auto scope = territory_scope(sql, actor, slug, territory_id);
        if (!scope) return scope.failure();
        if (!programmes::can_rate(scope->viewer, territory_id))
            return fail("Le bilan est tenu par les prestataires du territoire et l’ANCT.", {}, FailureKind::forbidden);
        auto review = year >= 1 ? store::find_assessment(sql, territory_id, year) : std::nullopt;
        if (!review)
            return fail("Enregistrez d’abord la cotation de ce bilan annuel.", {}, FailureKind::conflict);
        std::string named = title;
        if (input.action_id) {
            auto action = store::find_plan_action(sql, territory_id, input.action_id);
            if (!action) problems.fields["action_id"] = "Cette action n’est pas dans le plan du territoire.";
            else if (named.empty()) named = action->title;
        }
        if (!problems.fields.empty()) {
            problems.field = problems.fields.begin()->first;
            return problems;
        }
        store::ReviewAdjustmentRow row{0, review->id, input.action_id, input.kind, named, reason, 0};
        const long long id = store::insert_review_adjustment(sql, row, store::now_utc_seconds());
        record_audit(sql, actor ? actor->id : 0, "programme.review.adjustment", "programme:" + slug,
                     "Ajustement du plan « " + named + " » – " + scope->territory.label);
        return id;
    });
}

}  // namespace ateliers::services
