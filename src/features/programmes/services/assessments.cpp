#include "features/programmes/services/assessments.hpp"

#include "features/programmes/domain/access.hpp"
#include "features/programmes/services/territory_scope.hpp"
#include "features/programmes/store/grids.hpp"
#include "platform/audit/audit.hpp"

namespace ateliers::services {

namespace {

std::map<long long, int> levels_of(const std::map<long long, store::AnswerRow>& answers) {
    std::map<long long, int> out;
    for (const auto& [id, a] : answers)
        if (a.level) out[id] = *a.level;
    return out;
}

}  // namespace

Result<AssessmentView> open_assessment(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                       long long territory_id, int year, std::optional<long long> grid_version_id) {
    return store::in_transaction<AssessmentView>(db, [&](soci::session& sql) -> Result<AssessmentView> {
        auto scope = territory_scope(sql, actor, slug, territory_id);
        if (!scope) return scope.failure();
        AssessmentView v;
        v.programme = scope->programme;
        v.territory = scope->territory;
        v.can_edit = programmes::can_rate(scope->viewer, territory_id);
        std::optional<programmes::Grid> grid;
        if (auto a = store::find_assessment(sql, territory_id, year)) {
            v.assessment = *a;
            grid = store::load_grid(sql, a->grid_version_id);
            for (auto& ans : store::assessment_answers(sql, a->id)) v.answers[ans.criterion_id] = ans;
            for (auto& f : store::assessment_evidence_files(sql, a->id)) v.evidence_files[f.criterion_id].push_back(f);
        } else {
            // The command line (no actor) is the ANCT's own tool.
            const bool may_choose = !actor || programmes::manages(scope->viewer);
            const auto versions = store::grid_versions(sql);
            // Someone who may not choose is shown the newest, whatever the address asks.
            auto chosen = programmes::grid_for_new_assessment(versions, may_choose ? grid_version_id : std::nullopt,
                                                              may_choose);
            if (!chosen) return chosen.failure();
            grid = store::load_grid(sql, chosen.value());
            if (may_choose && v.can_edit) v.versions = versions;
            v.assessment.territory_id = territory_id;
            v.assessment.year = year;
        }
        if (!grid) return fail("Aucune grille des savoir-faire n’est chargée.", {}, FailureKind::technical);
        v.grid = std::move(*grid);
        v.scores = programmes::family_scores(v.grid, levels_of(v.answers));
        return v;
    });
}

Status save_assessment(store::Database& db, const CurrentUser* actor, const std::string& slug, long long territory_id,
                       int year, const AssessmentInput& input, const files::FileStorage* storage) {
    if (year < 0 || year > 10) return fail("Année de bilan inconnue.", "year", FailureKind::invalid);
    const long long now = store::now_utc_seconds();
    auto prepared = prepare_evidence(storage, input.evidence_uploads, actor ? actor->id : 0, now);
    if (!prepared) return prepared.failure();
    std::vector<std::string> removed_keys;
    auto done = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        auto scope = territory_scope(sql, actor, slug, territory_id);
        if (!scope) return scope.failure();
        if (!programmes::can_rate(scope->viewer, territory_id))
            return fail("Le diagnostic est rempli par les prestataires du territoire et l’ANCT.", {},
                        FailureKind::forbidden);
        auto existing = store::find_assessment(sql, territory_id, year);
        if (existing && input.grid_version_id != existing->grid_version_id)
            return fail("Ce formulaire a été construit sur une autre version de la grille : rechargez la page.",
                        "grid_version_id", FailureKind::conflict);
        long long grid_id = existing ? existing->grid_version_id : 0;
        if (!existing) {
            // Started now: on the version chosen by the ANCT, the newest for anyone else.
            auto chosen = programmes::grid_for_new_assessment(
                store::grid_versions(sql),
                input.grid_version_id ? std::optional<long long>(input.grid_version_id) : std::nullopt,
                !actor || programmes::manages(scope->viewer));
            if (!chosen) return chosen.failure();
            grid_id = chosen.value();
        }
        const auto grid = store::load_grid(sql, grid_id);
        if (!grid) return fail("Version de grille inconnue.", "grid_version_id", FailureKind::invalid);
        Failure problems = fail("Certaines réponses ne peuvent pas être enregistrées : corrigez les champs signalés.",
                                {}, FailureKind::invalid);
        for (const auto& a : input.answers) {
            const auto problem = programmes::answer_problem({a.criterion_id, a.grid_version_id, a.level}, *grid);
            if (!problem.empty()) problems.fields["level_" + std::to_string(a.criterion_id)] = problem;
        }
        for (const auto& u : input.evidence_uploads) {
            bool in_grid = false;
            for (const auto& c : grid->criteria) in_grid = in_grid || c.id == u.criterion_id;
            if (!in_grid)
                problems.fields[evidence_file_field(u.criterion_id)] = "Ce critère n’appartient pas à la grille de ce diagnostic.";
        }
        if (!problems.fields.empty()) {
            problems.field = problems.fields.begin()->first;
            return problems;
        }
        auto row = input.identity;
        row.territory_id = territory_id;
        row.grid_version_id = grid_id;
        row.year = year;
        const long long actor_id = actor ? actor->id : 0;
        if (existing) {
            row.id = existing->id;
            store::update_assessment_identity(sql, row, actor_id, now);
        } else {
            row.id = store::insert_assessment(sql, row, actor_id, now);
        }
        for (const auto& a : input.answers) store::upsert_answer(sql, row.id, a);
        removed_keys = record_evidence(sql, row.id, prepared.value(), input.evidence_removed, now);
        record_audit(sql, actor_id, year == 0 ? "programme.diagnostic" : "programme.review", "programme:" + slug,
                     (year == 0 ? "Diagnostic enregistré : " : "Bilan enregistré : ") + scope->territory.label);
        return Done{};
    });
    if (done) settle_evidence(storage, prepared.value(), removed_keys);
    return done;
}

}  // namespace ateliers::services
