#include "features/projects/services/projects_service.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

#include "features/projects/store/actors.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/account_rules.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/core/source_dir.hpp"

namespace ateliers::services {

namespace {

Failure invalid(const std::string& message, const std::string& field) { return fail(message, field, FailureKind::invalid); }
Failure forbidden() { return fail("Vous n’avez pas accès à ce projet.", {}, FailureKind::forbidden); }
Failure missing() { return fail("Projet introuvable.", {}, FailureKind::not_found); }

}  // namespace

std::string default_question_set_path() { return source_dir() + "/data/projects/livrables-v1.json"; }

Status ensure_question_set(store::Database& db, const std::string& json_path) {
    std::ifstream in(json_path);
    if (!in) return fail("Questions des livrables introuvables (" + json_path + ").", {}, FailureKind::technical);
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(in);
    } catch (const std::exception& e) {
        return fail(std::string("Questions des livrables illisibles : ") + e.what(), {}, FailureKind::technical);
    }
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const std::string set = doc.value("version", "");
        if (set.empty()) return fail("Le jeu de questions n’a pas de version.", {}, FailureKind::technical);
        if (store::question_set_loaded(sql, set)) return Done{};
        for (const auto& d : doc.at("deliverables")) {
            int position = 0;
            for (const auto& text : d.at("questions"))
                store::insert_question(sql, {0, set, d.at("number").get<int>(), d.at("title").get<std::string>(),
                                             d.at("purpose").get<std::string>(), ++position, text.get<std::string>()});
        }
        return Done{};
    });
}

projects::Viewer viewer_on(soci::session& sql, const CurrentUser& user, long long project_id) {
    projects::Viewer v;
    v.organiser = permissions::can_organise(user);
    v.collectivite_id = user.collectivite_id;
    v.membership = projects::parse_membership(store::member_role(sql, project_id, accounts::normalise_email(user.email)));
    return v;
}

namespace {

Status new_project_problem(const NewProject& p) {
    if (p.title.empty()) return invalid("Donnez un titre au projet.", "title");
    if (p.title.size() > 200) return invalid("Le titre ne peut dépasser 200 caractères.", "title");
    if (p.summary.size() > 4000) return invalid("La présentation ne peut dépasser 4 000 caractères.", "summary");
    return Done{};
}

// Inside the caller's transaction, once the question set is loaded.
Result<long long> insert_new_project(soci::session& sql, long long actor_id, const NewProject& p) {
    if (p.territory_id.empty() || !store::collectivite_exists(sql, p.territory_id))
        return invalid("Choisissez le territoire du projet dans le référentiel des collectivités.", "territory_id");
    store::ProjectRow row;
    row.title = p.title;
    row.territory_id = p.territory_id;
    row.summary = p.summary;
    row.question_set = current_question_set;
    row.plan_action_id = p.plan_action_id;
    row.demo = p.demo;
    const long long now = store::now_utc_seconds();
    const long long id = store::insert_project(sql, row, now);
    for (int n = 1; n <= 3; ++n)
        store::insert_deliverable(sql, id, n, projects::state_name(n == 1 ? projects::StageState::draft : projects::StageState::locked), now);
    record_audit(sql, actor_id, "project.create", "project:" + std::to_string(id), "Projet créé : " + p.title);
    return id;
}

}  // namespace

Result<long long> create_project(store::Database& db, const CurrentUser* actor, const NewProject& p) {
    if (actor && !permissions::can_organise(*actor)) return fail("Seule l’équipe de l’agence crée des projets.", {}, FailureKind::forbidden);
    if (auto problem = new_project_problem(p); !problem) return problem.failure();
    if (auto loaded = ensure_question_set(db, default_question_set_path()); !loaded) return loaded.failure();
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        return insert_new_project(sql, actor ? actor->id : 0, p);
    });
}

Result<long long> start_flagship_project(store::Database& db, const CurrentUser* actor, const FlagshipStart& s) {
    NewProject p;
    p.title = s.title;
    p.territory_id = s.collectivite_id;
    p.summary = s.summary;
    p.plan_action_id = s.plan_action_id;
    if (auto problem = new_project_problem(p); !problem) return problem.failure();
    if (auto loaded = ensure_question_set(db, default_question_set_path()); !loaded) return loaded.failure();
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        if (store::project_of_plan_action(sql, s.plan_action_id))
            return fail("Cette action est déjà portée par un projet.", {}, FailureKind::conflict);
        auto id = insert_new_project(sql, actor ? actor->id : 0, p);
        if (!id) return id;
        const long long now = store::now_utc_seconds();
        // Someone both in the team and a provider writes: the team role is inserted first.
        for (const auto& email : s.team_emails) store::insert_member(sql, id.value(), accounts::normalise_email(email), "team", now);
        for (const auto& email : s.advisor_emails)
            store::insert_member(sql, id.value(), accounts::normalise_email(email), "advisor", now);
        return id;
    });
}

Status attach_flagship_project(store::Database& db, const CurrentUser* actor, long long project_id,
                               const std::string& collectivite_id, long long plan_action_id) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        auto project = store::find_project(sql, project_id);
        if (!project || project->territory_id != collectivite_id)
            return fail("Choisissez un projet de ce territoire.", "project", FailureKind::invalid);
        if (project->plan_action_id)
            return fail("Ce projet porte déjà une autre action d’un plan.", "project", FailureKind::conflict);
        if (store::project_of_plan_action(sql, plan_action_id))
            return fail("Cette action est déjà portée par un projet.", {}, FailureKind::conflict);
        store::set_project_plan_action(sql, project_id, plan_action_id);
        record_audit(sql, actor ? actor->id : 0, "project.plan_action", "project:" + std::to_string(project_id),
                     "Projet rattaché à l’action de plan " + std::to_string(plan_action_id));
        return Done{};
    });
}

Result<std::vector<FlagshipProject>> collectivite_flagship_projects(store::Database& db, const std::string& collectivite_id) {
    return store::in_transaction<std::vector<FlagshipProject>>(db, [&](soci::session& sql) -> Result<std::vector<FlagshipProject>> {
        std::vector<FlagshipProject> out;
        for (const auto& p : store::list_projects(sql)) {
            if (p.territory_id != collectivite_id) continue;
            std::vector<projects::StageState> stages;
            for (const auto& d : store::project_deliverables(sql, p.id)) stages.push_back(projects::parse_state(d.state));
            out.push_back({p.id, p.plan_action_id.value_or(0), p.title, projects::stage_summary(stages)});
        }
        return out;
    });
}

Status add_project_member(store::Database& db, const CurrentUser* actor, long long project_id, const std::string& email,
                          const std::string& role) {
    if (actor && !permissions::can_organise(*actor)) return fail("Seule l’équipe de l’agence ajoute des membres.", {}, FailureKind::forbidden);
    const auto normalised = accounts::normalise_email(email);
    if (normalised.empty() || normalised.find('@') == std::string::npos || normalised.size() > 254)
        return invalid("Saisissez une adresse électronique valide, par exemple nom@commune.fr.", "email");
    if (projects::parse_membership(role) == projects::Membership::none)
        return invalid("Choisissez le rôle : équipe du territoire ou accompagnateur.", "role");
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        if (!store::find_project(sql, project_id)) return missing();
        if (!store::insert_member(sql, project_id, normalised, role, store::now_utc_seconds()))
            return fail("Cette personne fait déjà partie du projet.", "email", FailureKind::conflict);
        record_audit(sql, actor ? actor->id : 0, "project.member", "project:" + std::to_string(project_id),
                     "Membre ajouté (" + role + ") : " + normalised);
        return Done{};
    });
}

Result<std::vector<ProjectSummary>> visible_projects(store::Database& db, const CurrentUser& user) {
    return store::in_transaction<std::vector<ProjectSummary>>(db, [&](soci::session& sql) -> Result<std::vector<ProjectSummary>> {
        std::vector<ProjectSummary> out;
        for (auto& p : store::list_projects(sql)) {
            if (!projects::can_view(viewer_on(sql, user, p.id), p.territory_id)) continue;
            ProjectSummary s;
            for (const auto& d : store::project_deliverables(sql, p.id)) s.stages.push_back(projects::parse_state(d.state));
            s.current = projects::current_stage(s.stages);
            std::vector<projects::ActorCategory> present;
            for (const auto& c : store::project_actor_categories(sql, p.id))
                if (auto parsed = projects::parse_category(c)) present.push_back(*parsed);
            s.missing_fantastiques = projects::missing_fantastiques(present);
            s.project = std::move(p);
            out.push_back(std::move(s));
        }
        return out;
    });
}

Result<std::vector<ProjectSummary>> agency_projects(store::Database& db, const CurrentUser& user) {
    if (!permissions::can_organise(user))
        return fail("Le suivi de tous les projets est réservé à l’équipe de l’agence.", {}, FailureKind::forbidden);
    return visible_projects(db, user);
}

Result<ProjectFile> project_file(store::Database& db, const CurrentUser& user, long long project_id) {
    return store::in_transaction<ProjectFile>(db, [&](soci::session& sql) -> Result<ProjectFile> {
        auto project = store::find_project(sql, project_id);
        if (!project) return missing();
        ProjectFile f;
        f.viewer = viewer_on(sql, user, project_id);
        if (!projects::can_view(f.viewer, project->territory_id)) return forbidden();
        f.project = *project;
        f.members = store::project_members(sql, project_id);
        for (const auto& d : store::project_deliverables(sql, project_id)) {
            DeliverableView v;
            v.number = d.number;
            v.state = projects::parse_state(d.state);
            v.submissions = store::deliverable_submissions(sql, d.id);
            const auto drafts = store::deliverable_answers(sql, d.id);
            std::map<long long, store::SubmittedAnswer> last;
            if (!v.submissions.empty()) last = store::submission_answers(sql, v.submissions.back().id);
            for (const auto& q : store::deliverable_questions(sql, project->question_set, d.number)) {
                v.title = q.deliverable_title;
                v.purpose = q.deliverable_purpose;
                QuestionView qv;
                qv.question = q;
                qv.draft.question_id = q.id;
                if (auto it = drafts.find(q.id); it != drafts.end()) qv.draft = it->second;
                if (auto it = last.find(q.id); it != last.end()) qv.last_submitted = it->second;
                v.questions.push_back(qv);
            }
            f.deliverables.push_back(std::move(v));
        }
        return f;
    });
}

}  // namespace ateliers::services
