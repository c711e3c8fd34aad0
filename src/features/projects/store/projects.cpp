#include "features/projects/store/projects.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

namespace {

const char* project_columns =
    "SELECT p.id AS id, p.title AS title, p.territory_id AS territory_id, c.name AS territory_name, p.summary AS summary, "
    "p.question_set AS question_set, p.plan_action_id AS plan_action_id, p.demo AS demo, p.created_at AS created_at "
    "FROM projects p JOIN collectivites c ON c.id = p.territory_id ";

ProjectRow project_from(const soci::row& r) {
    ProjectRow p;
    p.id = as_int(r, "id");
    p.title = as_text(r, "title");
    p.territory_id = as_text(r, "territory_id");
    p.territory_name = as_text(r, "territory_name");
    p.summary = as_text(r, "summary");
    p.question_set = as_text(r, "question_set");
    p.plan_action_id = as_optional_int(r, "plan_action_id");
    p.demo = as_int(r, "demo") != 0;
    p.created_at = as_int(r, "created_at");
    return p;
}

}  // namespace

long long insert_project(soci::session& sql, const ProjectRow& p, long long now) {
    long long id = 0;
    const int demo = p.demo ? 1 : 0;
    const long long action = p.plan_action_id.value_or(0);
    soci::indicator action_given = p.plan_action_id ? soci::i_ok : soci::i_null;
    execute(sql,
            "INSERT INTO projects (title, territory_id, summary, question_set, plan_action_id, demo, created_at) "
            "VALUES (:t, :ter, :s, :q, :a, :d, :now) RETURNING id",
            soci::use(p.title), soci::use(p.territory_id), soci::use(p.summary), soci::use(p.question_set),
            soci::use(action, action_given), soci::use(demo), soci::use(now), soci::into(id));
    return id;
}

std::optional<ProjectRow> find_project(soci::session& sql, long long id) {
    std::optional<ProjectRow> out;
    for_each_row(sql, std::string(project_columns) + "WHERE p.id = :id", [&](const soci::row& r) { out = project_from(r); },
                 soci::use(id));
    return out;
}

std::vector<ProjectRow> list_projects(soci::session& sql) {
    std::vector<ProjectRow> out;
    for_each_row(sql, std::string(project_columns) + "ORDER BY p.title, p.id",
                 [&](const soci::row& r) { out.push_back(project_from(r)); });
    return out;
}

std::optional<long long> project_of_plan_action(soci::session& sql, long long plan_action_id) {
    std::optional<long long> out;
    for_each_row(sql, "SELECT id FROM projects WHERE plan_action_id = :a",
                 [&](const soci::row& r) { out = as_int(r, "id"); }, soci::use(plan_action_id));
    return out;
}

void set_project_plan_action(soci::session& sql, long long project_id, long long plan_action_id) {
    execute(sql, "UPDATE projects SET plan_action_id = :a WHERE id = :p", soci::use(plan_action_id), soci::use(project_id));
}

bool collectivite_exists(soci::session& sql, const std::string& id) {
    long long n = 0;
    execute(sql, "SELECT COUNT(*) FROM collectivites WHERE id = :id", soci::use(id), soci::into(n));
    return n > 0;
}

bool insert_member(soci::session& sql, long long project_id, const std::string& email, const std::string& role, long long now) {
    long long n = 0;
    execute(sql, "SELECT COUNT(*) FROM project_members WHERE project_id = :p AND email = :e", soci::use(project_id),
            soci::use(email), soci::into(n));
    if (n > 0) return false;
    execute(sql, "INSERT INTO project_members (project_id, email, role, created_at) VALUES (:p, :e, :r, :now)",
            soci::use(project_id), soci::use(email), soci::use(role), soci::use(now));
    return true;
}

std::vector<MemberRow> project_members(soci::session& sql, long long project_id) {
    std::vector<MemberRow> out;
    for_each_row(
        sql,
        "SELECT m.id AS id, m.project_id AS project_id, m.email AS email, m.role AS role, COALESCE(u.full_name, '') AS "
        "full_name FROM project_members m LEFT JOIN users u ON u.email = m.email WHERE m.project_id = :p ORDER BY m.role "
        "DESC, m.email",
        [&](const soci::row& r) {
            out.push_back({as_int(r, "id"), as_int(r, "project_id"), as_text(r, "email"), as_text(r, "role"),
                           as_text(r, "full_name")});
        },
        soci::use(project_id));
    return out;
}

std::string member_role(soci::session& sql, long long project_id, const std::string& email) {
    std::string role;
    for_each_row(
        sql, "SELECT role FROM project_members WHERE project_id = :p AND email = :e",
        [&](const soci::row& r) { role = as_text(r, "role"); }, soci::use(project_id), soci::use(email));
    return role;
}

bool question_set_loaded(soci::session& sql, const std::string& question_set) {
    long long n = 0;
    execute(sql, "SELECT COUNT(*) FROM deliverable_questions WHERE question_set = :q", soci::use(question_set), soci::into(n));
    return n > 0;
}

void insert_question(soci::session& sql, const QuestionRow& q) {
    execute(sql,
            "INSERT INTO deliverable_questions (question_set, deliverable, deliverable_title, deliverable_purpose, position, "
            "text) VALUES (:s, :d, :t, :p, :pos, :text)",
            soci::use(q.question_set), soci::use(q.deliverable), soci::use(q.deliverable_title),
            soci::use(q.deliverable_purpose), soci::use(q.position), soci::use(q.text));
}

std::vector<QuestionRow> deliverable_questions(soci::session& sql, const std::string& question_set, int deliverable) {
    std::vector<QuestionRow> out;
    for_each_row(
        sql,
        "SELECT id, question_set, deliverable, deliverable_title, deliverable_purpose, position, text FROM "
        "deliverable_questions WHERE question_set = :s AND deliverable = :d ORDER BY position",
        [&](const soci::row& r) {
            QuestionRow q;
            q.id = as_int(r, "id");
            q.question_set = as_text(r, "question_set");
            q.deliverable = static_cast<int>(as_int(r, "deliverable"));
            q.deliverable_title = as_text(r, "deliverable_title");
            q.deliverable_purpose = as_text(r, "deliverable_purpose");
            q.position = static_cast<int>(as_int(r, "position"));
            q.text = as_text(r, "text");
            out.push_back(q);
        },
        soci::use(question_set), soci::use(deliverable));
    return out;
}

}  // namespace ateliers::store
