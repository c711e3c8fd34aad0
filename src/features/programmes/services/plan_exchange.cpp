#include "features/programmes/services/plan_exchange.hpp"

#include <cstdio>
#include <map>

#include "features/programmes/domain/action_csv.hpp"
#include "features/programmes/domain/plan_snapshot.hpp"
#include "features/programmes/services/programme_admin.hpp"
#include "features/programmes/services/territory_scope.hpp"
#include "features/programmes/store/grids.hpp"
#include "features/programmes/store/plans.hpp"
#include "platform/audit/audit.hpp"
#include "platform/export/csv_file.hpp"
#include "platform/export/csv_reader.hpp"
#include "platform/files/upload_rules.hpp"

namespace ateliers::services {

namespace {

std::vector<std::string> cells_of(const store::PlanActionRow& a) {
    return {std::to_string(a.id), a.title, a.kind, a.years, a.families, a.providers, a.field_support,
            a.status, std::to_string(a.progress), a.description};
}

std::string line_key(int line) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "ligne_%04d", line);
    return buf;
}

}  // namespace

Result<spreadsheet::Table> territory_actions_table(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                                   long long territory_id) {
    return store::in_transaction<spreadsheet::Table>(db, [&](soci::session& sql) -> Result<spreadsheet::Table> {
        auto scope = territory_scope(sql, actor, slug, territory_id);
        if (!scope) return scope.failure();
        spreadsheet::Table t{"Actions", programmes::action_csv_headers(), {}};
        for (const auto& a : store::plan_actions_of(sql, territory_id)) t.rows.push_back(cells_of(a));
        return t;
    });
}

Result<spreadsheet::Table> programme_actions_table(store::Database& db, const CurrentUser* actor, const std::string& slug) {
    return store::in_transaction<spreadsheet::Table>(db, [&](soci::session& sql) -> Result<spreadsheet::Table> {
        auto programme = store::find_programme(sql, slug);
        if (!programme) return fail("Programme introuvable.", {}, FailureKind::not_found);
        if (actor && !programmes::can_read_dashboard(programme_viewer(sql, *actor, programme->id)))
            return fail("L’export de toutes les actions est réservé à l’ANCT.", {}, FailureKind::forbidden);
        spreadsheet::Table t{"Actions", programmes::action_csv_headers(), {}};
        t.headers.push_back("Territoire");
        for (const auto& territory : store::programme_territories(sql, programme->id))
            for (const auto& a : store::plan_actions_of(sql, territory.id)) {
                auto cells = cells_of(a);
                cells.push_back(territory.label);
                t.rows.push_back(std::move(cells));
            }
        return t;
    });
}

Result<int> import_territory_actions(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                     long long territory_id, const std::string& csv_text) {
    if (csv_text.size() > spreadsheet::max_csv_bytes)
        return fail("Le contenu collé dépasse " + files::size_label(spreadsheet::max_csv_bytes) + " : importez le plan en "
                    "plusieurs fois.", "csv", FailureKind::invalid);
    auto table = spreadsheet::read_csv(csv_text);
    if (!table) return fail(table.failure().message, "csv", FailureKind::invalid);
    return store::in_transaction<int>(db, [&](soci::session& sql) -> Result<int> {
        auto scope = territory_scope(sql, actor, slug, territory_id);
        if (!scope) return scope.failure();
        if (!programmes::can_edit_plan(scope->viewer, territory_id))
            return fail("Le plan est modifié par l’équipe du territoire, ses prestataires et l’ANCT.", {},
                        FailureKind::forbidden);
        std::vector<std::string> codes;
        if (auto grid = store::latest_grid(sql))
            for (const auto& f : grid->families) codes.push_back(f.code);
        auto read = programmes::read_action_rows(table.value(), codes);
        std::vector<std::optional<store::PlanActionRow>> existing;
        for (const auto& row : read.rows) {
            existing.push_back(row.id ? store::find_plan_action(sql, territory_id, row.id) : std::nullopt);
            if (row.id && !existing.back())
                read.problems.push_back({row.line, programmes::action_csv_position(row.line, 0) + "l’action " +
                                                       std::to_string(row.id) + " n’est pas dans le plan de ce territoire."});
        }
        if (!read.problems.empty()) {
            std::map<int, int> per_line;  // several problems on one line each keep their message
            for (const auto& p : read.problems) ++per_line[p.line];
            Failure f = fail(std::to_string(per_line.size()) +
                                 (per_line.size() > 1 ? " lignes sont à corriger" : " ligne est à corriger") +
                                 " ; rien n’a été importé.",
                             "csv", FailureKind::invalid);
            std::map<int, int> seen;
            for (const auto& p : read.problems) {
                const int n = ++seen[p.line];
                f.fields[line_key(p.line) + (n > 1 ? "_" + std::to_string(n) : "")] = p.message;
            }
            return f;
        }
        const long long now = store::now_utc_seconds();
        for (std::size_t i = 0; i < read.rows.size(); ++i) {
            const auto& row = read.rows[i];
            store::PlanActionRow a = existing[i] ? *existing[i] : store::PlanActionRow{};
            a.territory_id = territory_id;
            a.title = row.title;
            a.kind = row.kind;
            std::vector<std::string> years;
            for (int y : row.years) years.push_back(std::to_string(y));
            a.years = programmes::join_codes(years);
            a.families = programmes::join_codes(row.families);
            a.providers = row.providers;
            a.field_support = programmes::join_codes(row.field_support);
            a.description = row.description;
            if (existing[i]) {
                store::update_plan_action(sql, a, now);
            } else {
                a.status = "proposee";
                a.progress = 0;
                store::insert_plan_action(sql, a, now);
            }
        }
        // Like a change made in the form: the import is a draft of adjustments.
        if (!read.rows.empty()) store::open_plan_draft_if_none(sql, territory_id, now);
        record_audit(sql, actor ? actor->id : 0, "programme.action.import", "programme:" + slug,
                     std::to_string(read.rows.size()) + " action(s) importée(s) – " + scope->territory.label);
        return static_cast<int>(read.rows.size());
    });
}

Result<int> import_territory_actions_file(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                          long long territory_id, std::string_view bytes) {
    auto text = spreadsheet::csv_file_text(bytes, "csv_file");
    if (!text) return text.failure();
    auto imported = import_territory_actions(db, actor, slug, territory_id, std::string(text.value()));
    if (imported || imported.failure().field != "csv") return imported;
    // The lines' problems belong to the file that was sent, not to the paste field.
    Failure f = imported.failure();
    f.field = "csv_file";
    return f;
}

Result<TerritoryDossier> territory_dossier(store::Database& db, const CurrentUser* actor, const std::string& slug,
                                           long long territory_id) {
    TerritoryDossier d;
    auto diagnostic = open_assessment(db, actor, slug, territory_id, 0);
    if (!diagnostic) return diagnostic.failure();
    d.diagnostic = std::move(diagnostic.value());
    auto plan = open_plan(db, actor, slug, territory_id);
    if (!plan) return plan.failure();
    d.plan = std::move(plan.value());
    for (int year = 1; year <= d.plan.programme.years && year <= 3; ++year) {
        auto review = open_review(db, actor, slug, territory_id, year);
        if (!review) return review.failure();
        if (!review->rated) continue;
        auto rating = open_assessment(db, actor, slug, territory_id, year);
        if (!rating) return rating.failure();
        d.reviews.push_back(std::move(review.value()));
        d.review_ratings.push_back(std::move(rating.value()));
    }
    return d;
}

}  // namespace ateliers::services
