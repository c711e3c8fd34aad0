#include "features/programmes/store/assessments.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

namespace {

const char* assessment_columns =
    "SELECT id, territory_id, grid_version_id, year, history, geography, culture, main_actors, interactions, "
    "successes, updated_at, completed_at FROM assessments ";

AssessmentRow assessment_from(const soci::row& r) {
    AssessmentRow a;
    a.id = as_int(r, "id");
    a.territory_id = as_int(r, "territory_id");
    a.grid_version_id = as_int(r, "grid_version_id");
    a.year = static_cast<int>(as_int(r, "year"));
    a.history = as_text(r, "history");
    a.geography = as_text(r, "geography");
    a.culture = as_text(r, "culture");
    a.main_actors = as_text(r, "main_actors");
    a.interactions = as_text(r, "interactions");
    a.successes = as_text(r, "successes");
    a.updated_at = as_int(r, "updated_at");
    a.completed_at = as_optional_int(r, "completed_at");
    return a;
}

}  // namespace

std::optional<AssessmentRow> find_assessment(soci::session& sql, long long territory_id, int year) {
    soci::row r;
    if (!execute(sql, std::string(assessment_columns) + "WHERE territory_id = :t AND year = :y", soci::use(territory_id),
                 soci::use(year), soci::into(r)))
        return std::nullopt;
    return assessment_from(r);
}

std::vector<AssessmentRow> territory_assessments(soci::session& sql, long long territory_id) {
    std::vector<AssessmentRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(assessment_columns) + "WHERE territory_id = :t ORDER BY year", soci::use(territory_id));
    for (const auto& r : rows) out.push_back(assessment_from(r));
    return out;
}

long long insert_assessment(soci::session& sql, const AssessmentRow& a, long long actor_user_id, long long now) {
    long long id = 0;
    soci::indicator actor_ind = actor_user_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO assessments (territory_id, grid_version_id, year, history, geography, culture, main_actors, "
           "interactions, successes, updated_by, updated_at) VALUES (:t, :g, :y, :h, :geo, :c, :m, :i, :s, :by, :now) "
           "RETURNING id",
        soci::use(a.territory_id), soci::use(a.grid_version_id), soci::use(a.year), soci::use(a.history),
        soci::use(a.geography), soci::use(a.culture), soci::use(a.main_actors), soci::use(a.interactions),
        soci::use(a.successes), soci::use(actor_user_id, actor_ind), soci::use(now), soci::into(id);
    return id;
}

void update_assessment_identity(soci::session& sql, const AssessmentRow& a, long long actor_user_id, long long now) {
    soci::indicator actor_ind = actor_user_id ? soci::i_ok : soci::i_null;
    sql << "UPDATE assessments SET history = :h, geography = :geo, culture = :c, main_actors = :m, interactions = :i, "
           "successes = :s, updated_by = :by, updated_at = :now WHERE id = :id",
        soci::use(a.history), soci::use(a.geography), soci::use(a.culture), soci::use(a.main_actors),
        soci::use(a.interactions), soci::use(a.successes), soci::use(actor_user_id, actor_ind), soci::use(now),
        soci::use(a.id);
}

void upsert_answer(soci::session& sql, long long assessment_id, const AnswerRow& a) {
    sql << "DELETE FROM assessment_answers WHERE assessment_id = :a AND criterion_id = :c", soci::use(assessment_id),
        soci::use(a.criterion_id);
    int level = a.level.value_or(0);
    soci::indicator level_ind = a.level ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO assessment_answers (assessment_id, criterion_id, grid_version_id, level, evidence, strengths, gaps) "
           "VALUES (:a, :c, :g, :l, :e, :s, :gaps)",
        soci::use(assessment_id), soci::use(a.criterion_id), soci::use(a.grid_version_id), soci::use(level, level_ind),
        soci::use(a.evidence), soci::use(a.strengths), soci::use(a.gaps);
}

std::vector<AnswerRow> assessment_answers(soci::session& sql, long long assessment_id) {
    std::vector<AnswerRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT criterion_id, grid_version_id, level, evidence, strengths, gaps FROM assessment_answers "
                        "WHERE assessment_id = :a ORDER BY criterion_id",
         soci::use(assessment_id));
    for (const auto& r : rows) {
        AnswerRow a;
        a.criterion_id = as_int(r, "criterion_id");
        a.grid_version_id = as_int(r, "grid_version_id");
        if (auto l = as_optional_int(r, "level")) a.level = static_cast<int>(*l);
        a.evidence = as_text(r, "evidence");
        a.strengths = as_text(r, "strengths");
        a.gaps = as_text(r, "gaps");
        out.push_back(std::move(a));
    }
    return out;
}

std::vector<TerritoryProgress> territories_progress(soci::session& sql, long long programme_id) {
    std::vector<TerritoryProgress> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT t.id AS territory_id, COALESCE((SELECT MAX(a.year) FROM assessments a "
                        "WHERE a.territory_id = t.id), -1) AS latest_year, "
                        "(SELECT COUNT(*) FROM assessment_answers x JOIN assessments a ON a.id = x.assessment_id "
                        "WHERE a.territory_id = t.id AND a.year = 0 AND x.level IS NOT NULL) AS diagnostic_rated, "
                        "(SELECT COUNT(*) FROM grid_criteria c JOIN assessments a ON a.grid_version_id = c.grid_version_id "
                        "WHERE a.territory_id = t.id AND a.year = 0) AS diagnostic_criteria, "
                        "COALESCE((SELECT g.version FROM assessments a JOIN grid_versions g ON g.id = a.grid_version_id "
                        "WHERE a.territory_id = t.id AND a.year = 0), 0) AS diagnostic_grid_version, "
                        "COALESCE((SELECT g.version FROM assessments a JOIN grid_versions g ON g.id = a.grid_version_id "
                        "WHERE a.territory_id = t.id ORDER BY a.year DESC LIMIT 1), 0) AS latest_grid_version "
                        "FROM programme_territories t WHERE t.programme_id = :p",
         soci::use(programme_id));
    for (const auto& r : rows)
        out.push_back({as_int(r, "territory_id"), static_cast<int>(as_int(r, "latest_year")),
                       static_cast<int>(as_int(r, "diagnostic_rated")), static_cast<int>(as_int(r, "diagnostic_criteria")),
                       static_cast<int>(as_int(r, "diagnostic_grid_version")),
                       static_cast<int>(as_int(r, "latest_grid_version"))});
    return out;
}

}  // namespace ateliers::store
