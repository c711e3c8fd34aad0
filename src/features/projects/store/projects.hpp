#pragma once
// Projects, their members and the loaded question sets.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "platform/store/database.hpp"

namespace ateliers::store {

struct ProjectRow {
    long long id = 0;
    std::string title;
    std::string territory_id;
    std::string territory_name;  // read from the referential
    std::string summary;
    std::string question_set;
    std::optional<long long> plan_action_id;
    bool demo = false;
    long long created_at = 0;
};

long long insert_project(soci::session& sql, const ProjectRow& p, long long now);
std::optional<ProjectRow> find_project(soci::session& sql, long long id);
std::vector<ProjectRow> list_projects(soci::session& sql);  // by title
bool collectivite_exists(soci::session& sql, const std::string& id);
// The project carrying a plan action of the programmes module, if any.
std::optional<long long> project_of_plan_action(soci::session& sql, long long plan_action_id);
void set_project_plan_action(soci::session& sql, long long project_id, long long plan_action_id);

struct MemberRow {
    long long id = 0;
    long long project_id = 0;
    std::string email;  // normalised (lower case)
    std::string role;   // team | advisor
    std::string full_name;  // of the account with that e-mail, empty when none yet
};
bool insert_member(soci::session& sql, long long project_id, const std::string& email, const std::string& role, long long now);
std::vector<MemberRow> project_members(soci::session& sql, long long project_id);
// "team" | "advisor" | "" for this e-mail on this project.
std::string member_role(soci::session& sql, long long project_id, const std::string& email);

struct QuestionRow {
    long long id = 0;
    std::string question_set;
    int deliverable = 0;
    std::string deliverable_title;
    std::string deliverable_purpose;
    int position = 0;
    std::string text;
};
bool question_set_loaded(soci::session& sql, const std::string& question_set);
void insert_question(soci::session& sql, const QuestionRow& q);
std::vector<QuestionRow> deliverable_questions(soci::session& sql, const std::string& question_set, int deliverable);

}  // namespace ateliers::store
