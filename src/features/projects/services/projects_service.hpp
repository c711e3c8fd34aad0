#pragma once
// Territorial projects: creation and members (organisers), lists and a project's file for
// whoever may see it (projects/domain/project_access.hpp). One transaction per use case.
#include <optional>
#include <string>
#include <vector>

#include "features/projects/domain/actors.hpp"
#include "features/projects/domain/project_access.hpp"
#include "features/projects/domain/stages.hpp"
#include "features/projects/store/deliverables.hpp"
#include "features/projects/store/projects.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

inline constexpr const char* current_question_set = "livrables-v1";
std::string default_question_set_path();  // data/projects/livrables-v1.json
// Loads a question set into the tables once (a loaded set is never changed).
Status ensure_question_set(store::Database& db, const std::string& json_path);

struct NewProject {
    std::string title;
    std::string territory_id;  // a collectivité of the referential
    std::string summary;
    bool demo = false;
    std::optional<long long> plan_action_id = {};  // the plan action it carries (programmes module)
};
// Organisers only; `actor` null: the command line (demo content). The first deliverable
// opens at once, the other two are locked.
Result<long long> create_project(store::Database& db, const CurrentUser* actor, const NewProject& p);
// A flagship action of a three-year plan (programmes module) carried by a project of this
// method. The programmes module has checked that the person may edit the plan; this
// module keeps its own rules: the project is the same collectivité's and carries one
// action at most. The territory's team become co-authors, its providers advisors.
struct FlagshipStart {
    long long plan_action_id = 0;
    std::string collectivite_id;
    std::string title;
    std::string summary;
    std::vector<std::string> team_emails;
    std::vector<std::string> advisor_emails;
};
Result<long long> start_flagship_project(store::Database& db, const CurrentUser* actor, const FlagshipStart& s);
Status attach_flagship_project(store::Database& db, const CurrentUser* actor, long long project_id,
                               const std::string& collectivite_id, long long plan_action_id);

struct FlagshipProject {
    long long project_id = 0;
    long long plan_action_id = 0;  // 0: carries no plan action
    std::string title;
    std::string stage;  // "Livrable 2 : En rédaction" (projects::stage_summary)
};
// The projects of one collectivité, to show the one an action carries and offer the others.
Result<std::vector<FlagshipProject>> collectivite_flagship_projects(store::Database& db, const std::string& collectivite_id);

// role: team | advisor.
Status add_project_member(store::Database& db, const CurrentUser* actor, long long project_id, const std::string& email,
                          const std::string& role);

struct ProjectSummary {
    store::ProjectRow project;
    std::vector<projects::StageState> stages;
    std::size_t current = 0;  // index of the first stage not validated
    std::vector<projects::ActorCategory> missing_fantastiques;  // of the four, none named yet
};
Result<std::vector<ProjectSummary>> visible_projects(store::Database& db, const CurrentUser& user);
// The agency's follow-up: every project (organisers only), for grouping by stage.
Result<std::vector<ProjectSummary>> agency_projects(store::Database& db, const CurrentUser& user);

struct QuestionView {
    store::QuestionRow question;
    store::DeliverableAnswerRow draft;                // version 0 when never saved
    store::SubmittedAnswer last_submitted;  // of the latest submission, with the advisor's comment
};
struct DeliverableView {
    int number = 0;
    std::string title, purpose;
    projects::StageState state = projects::StageState::locked;
    std::vector<QuestionView> questions;
    std::vector<store::SubmissionRow> submissions;
};
struct ProjectFile {
    store::ProjectRow project;
    std::vector<store::MemberRow> members;
    projects::Viewer viewer;
    std::vector<DeliverableView> deliverables;
};
Result<ProjectFile> project_file(store::Database& db, const CurrentUser& user, long long project_id);

// The viewer's rights on a project, read inside a use case's transaction.
projects::Viewer viewer_on(soci::session& sql, const CurrentUser& user, long long project_id);

}  // namespace ateliers::services
