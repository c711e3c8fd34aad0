#include "features/projects/store/deliverables.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

namespace {

DeliverableRow deliverable_from(const soci::row& r) {
    return {as_int(r, "id"), as_int(r, "project_id"), static_cast<int>(as_int(r, "number")), as_text(r, "state")};
}

const char* deliverable_columns = "SELECT id, project_id, number, state FROM project_deliverables ";

}  // namespace

void insert_deliverable(soci::session& sql, long long project_id, int number, const std::string& state, long long now) {
    execute(sql, "INSERT INTO project_deliverables (project_id, number, state, updated_at) VALUES (:p, :n, :s, :now)",
            soci::use(project_id), soci::use(number), soci::use(state), soci::use(now));
}

std::optional<DeliverableRow> find_deliverable(soci::session& sql, Dialect dialect, long long project_id, int number,
                                               bool lock) {
    std::optional<DeliverableRow> out;
    const std::string suffix = lock && dialect == Dialect::postgresql ? " FOR UPDATE" : "";
    for_each_row(
        sql, std::string(deliverable_columns) + "WHERE project_id = :p AND number = :n" + suffix,
        [&](const soci::row& r) { out = deliverable_from(r); }, soci::use(project_id), soci::use(number));
    return out;
}

std::vector<DeliverableRow> project_deliverables(soci::session& sql, long long project_id) {
    std::vector<DeliverableRow> out;
    for_each_row(
        sql, std::string(deliverable_columns) + "WHERE project_id = :p ORDER BY number",
        [&](const soci::row& r) { out.push_back(deliverable_from(r)); }, soci::use(project_id));
    return out;
}

void set_deliverable_state(soci::session& sql, long long deliverable_id, const std::string& state, long long now) {
    execute(sql, "UPDATE project_deliverables SET state = :s, updated_at = :now WHERE id = :id", soci::use(state),
            soci::use(now), soci::use(deliverable_id));
}

std::map<long long, DeliverableAnswerRow> deliverable_answers(soci::session& sql, long long deliverable_id) {
    std::map<long long, DeliverableAnswerRow> out;
    for_each_row(
        sql,
        "SELECT question_id, text, version, updated_by, updated_at FROM deliverable_answers WHERE deliverable_id = :d",
        [&](const soci::row& r) {
            DeliverableAnswerRow a;
            a.question_id = as_int(r, "question_id");
            a.text = as_text(r, "text");
            a.version = static_cast<int>(as_int(r, "version"));
            a.updated_by = as_text(r, "updated_by");
            a.updated_at = as_int(r, "updated_at");
            out[a.question_id] = a;
        },
        soci::use(deliverable_id));
    return out;
}

void upsert_deliverable_answer(soci::session& sql, long long deliverable_id, const DeliverableAnswerRow& a) {
    if (a.version == 1) {
        execute(sql,
                "INSERT INTO deliverable_answers (deliverable_id, question_id, text, version, updated_by, updated_at) "
                "VALUES (:d, :q, :t, :v, :by, :at)",
                soci::use(deliverable_id), soci::use(a.question_id), soci::use(a.text), soci::use(a.version),
                soci::use(a.updated_by), soci::use(a.updated_at));
        return;
    }
    execute(sql,
            "UPDATE deliverable_answers SET text = :t, version = :v, updated_by = :by, updated_at = :at WHERE "
            "deliverable_id = :d AND question_id = :q",
            soci::use(a.text), soci::use(a.version), soci::use(a.updated_by), soci::use(a.updated_at),
            soci::use(deliverable_id), soci::use(a.question_id));
}

long long insert_submission(soci::session& sql, long long deliverable_id, int number, const std::string& by, long long now) {
    long long id = 0;
    execute(sql,
            "INSERT INTO deliverable_submissions (deliverable_id, number, submitted_by, submitted_at) VALUES (:d, :n, :by, "
            ":now) RETURNING id",
            soci::use(deliverable_id), soci::use(number), soci::use(by), soci::use(now), soci::into(id));
    return id;
}

void insert_submission_answer(soci::session& sql, long long submission_id, long long question_id, const std::string& text) {
    execute(sql, "INSERT INTO submission_answers (submission_id, question_id, text) VALUES (:s, :q, :t)",
            soci::use(submission_id), soci::use(question_id), soci::use(text));
}

std::vector<SubmissionRow> deliverable_submissions(soci::session& sql, long long deliverable_id) {
    std::vector<SubmissionRow> out;
    for_each_row(
        sql,
        "SELECT id, deliverable_id, number, submitted_by, submitted_at, decision, decided_by, COALESCE(decided_at, 0) AS "
        "decided_at FROM deliverable_submissions WHERE deliverable_id = :d ORDER BY number",
        [&](const soci::row& r) {
            SubmissionRow s;
            s.id = as_int(r, "id");
            s.deliverable_id = as_int(r, "deliverable_id");
            s.number = static_cast<int>(as_int(r, "number"));
            s.submitted_by = as_text(r, "submitted_by");
            s.submitted_at = as_int(r, "submitted_at");
            s.decision = as_text(r, "decision");
            s.decided_by = as_text(r, "decided_by");
            s.decided_at = as_int(r, "decided_at");
            out.push_back(s);
        },
        soci::use(deliverable_id));
    return out;
}

std::map<long long, SubmittedAnswer> submission_answers(soci::session& sql, long long submission_id) {
    std::map<long long, SubmittedAnswer> out;
    for_each_row(
        sql, "SELECT question_id, text, comment FROM submission_answers WHERE submission_id = :s",
        [&](const soci::row& r) { out[as_int(r, "question_id")] = {as_text(r, "text"), as_text(r, "comment")}; },
        soci::use(submission_id));
    return out;
}

void set_submission_comment(soci::session& sql, long long submission_id, long long question_id, const std::string& comment) {
    execute(sql, "UPDATE submission_answers SET comment = :c WHERE submission_id = :s AND question_id = :q",
            soci::use(comment), soci::use(submission_id), soci::use(question_id));
}

void decide_submission(soci::session& sql, long long submission_id, const std::string& decision, const std::string& by,
                       long long now) {
    execute(sql, "UPDATE deliverable_submissions SET decision = :d, decided_by = :by, decided_at = :now WHERE id = :id",
            soci::use(decision), soci::use(by), soci::use(now), soci::use(submission_id));
}

}  // namespace ateliers::store
