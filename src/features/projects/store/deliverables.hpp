#pragma once
// A project's three deliverables: states, drafts per question, frozen submissions.
#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "platform/store/database.hpp"

namespace ateliers::store {

struct DeliverableRow {
    long long id = 0;
    long long project_id = 0;
    int number = 0;
    std::string state;  // projects::state_name
};
void insert_deliverable(soci::session& sql, long long project_id, int number, const std::string& state, long long now);
// lock: FOR UPDATE on PostgreSQL, so that two co-authors' saves queue one behind the other.
std::optional<DeliverableRow> find_deliverable(soci::session& sql, Dialect dialect, long long project_id, int number, bool lock);
std::vector<DeliverableRow> project_deliverables(soci::session& sql, long long project_id);  // by number
void set_deliverable_state(soci::session& sql, long long deliverable_id, const std::string& state, long long now);

struct DeliverableAnswerRow {
    long long question_id = 0;
    std::string text;
    int version = 0;  // 0: never saved
    std::string updated_by;
    long long updated_at = 0;
};
std::map<long long, DeliverableAnswerRow> deliverable_answers(soci::session& sql, long long deliverable_id);  // by question id
void upsert_deliverable_answer(soci::session& sql, long long deliverable_id, const DeliverableAnswerRow& a);

struct SubmissionRow {
    long long id = 0;
    long long deliverable_id = 0;
    int number = 0;
    std::string submitted_by;
    long long submitted_at = 0;
    std::string decision;  // '' | a_reprendre | valide
    std::string decided_by;
    long long decided_at = 0;
};
struct SubmittedAnswer {
    std::string text;
    std::string comment;
};
long long insert_submission(soci::session& sql, long long deliverable_id, int number, const std::string& by, long long now);
void insert_submission_answer(soci::session& sql, long long submission_id, long long question_id, const std::string& text);
std::vector<SubmissionRow> deliverable_submissions(soci::session& sql, long long deliverable_id);  // by number
std::map<long long, SubmittedAnswer> submission_answers(soci::session& sql, long long submission_id);  // by question id
void set_submission_comment(soci::session& sql, long long submission_id, long long question_id, const std::string& comment);
void decide_submission(soci::session& sql, long long submission_id, const std::string& decision, const std::string& by,
                       long long now);

}  // namespace ateliers::store
