#pragma once
// Assessments of a territory against one grid version: the diagnostic (year 0) and the
// annual reviews (years 1..3), with one answer per criterion.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

struct AssessmentRow {
    long long id = 0;
    long long territory_id = 0;
    long long grid_version_id = 0;
    int year = 0;  // 0: diagnostic
    std::string history;
    std::string geography;
    std::string culture;
    std::string main_actors;
    std::string interactions;
    std::string successes;
    long long updated_at = 0;
    std::optional<long long> completed_at;
};

std::optional<AssessmentRow> find_assessment(soci::session& sql, long long territory_id, int year);
std::vector<AssessmentRow> territory_assessments(soci::session& sql, long long territory_id);  // by year
long long insert_assessment(soci::session& sql, const AssessmentRow& a, long long actor_user_id, long long now);
void update_assessment_identity(soci::session& sql, const AssessmentRow& a, long long actor_user_id, long long now);

struct AnswerRow {
    long long criterion_id = 0;
    long long grid_version_id = 0;
    std::optional<int> level;
    std::string evidence;
    std::string strengths;
    std::string gaps;
};

// Replaces the answer to that criterion.
void upsert_answer(soci::session& sql, long long assessment_id, const AnswerRow& a);
std::vector<AnswerRow> assessment_answers(soci::session& sql, long long assessment_id);

// Per territory of a programme: the latest assessment year, how many criteria of the
// diagnostic (year 0) have a level out of its grid version's criteria, and the grid
// versions of the diagnostic and of the latest assessment, for the programme's overview.
struct TerritoryProgress {
    long long territory_id = 0;
    int latest_year = -1;  // -1: no assessment yet
    int diagnostic_rated = 0;
    int diagnostic_criteria = 0;      // 0: no diagnostic yet
    int diagnostic_grid_version = 0;  // 0: no diagnostic yet
    int latest_grid_version = 0;      // 0: no assessment yet
};
std::vector<TerritoryProgress> territories_progress(soci::session& sql, long long programme_id);

}  // namespace ateliers::store
