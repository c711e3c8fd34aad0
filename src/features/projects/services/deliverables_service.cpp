#include "features/projects/services/deliverables_service.hpp"

#include "features/projects/domain/stages.hpp"
#include "features/projects/services/projects_service.hpp"
#include "features/projects/store/deliverables.hpp"
#include "features/projects/store/projects.hpp"
#include "platform/audit/audit.hpp"

namespace ateliers::services {

namespace {

Failure forbidden(const std::string& message) { return fail(message, {}, FailureKind::forbidden); }
Failure missing() { return fail("Livrable introuvable.", {}, FailureKind::not_found); }

std::string target(long long project_id, int number) {
    return "project:" + std::to_string(project_id) + ":livrable:" + std::to_string(number);
}

std::string who(const CurrentUser& user) { return user.full_name.empty() ? user.email : user.full_name; }

}  // namespace

Result<SaveOutcome> save_answer(store::Database& db, const CurrentUser& user, long long project_id, int number,
                                long long question_id, const std::string& text, int based_on_version) {
    if (text.size() > projects::max_answer_chars)
        return fail("Votre réponse dépasse " + std::to_string(projects::max_answer_chars) +
                        " caractères : raccourcissez-la (votre texte est conservé ci-dessous).",
                    "answer", FailureKind::invalid);
    return store::in_transaction<SaveOutcome>(db, [&](soci::session& sql) -> Result<SaveOutcome> {
        auto project = store::find_project(sql, project_id);
        if (!project) return missing();
        if (!projects::can_write(viewer_on(sql, user, project_id)))
            return forbidden("Seule l’équipe du territoire rédige les livrables de ce projet.");
        auto d = store::find_deliverable(sql, db.dialect(), project_id, number, true);
        if (!d) return missing();
        const auto state = projects::parse_state(d->state);
        if (!projects::editable(state)) {
            const auto problem = projects::submit_problem(state);
            return fail(problem.empty() ? "Ce livrable ne peut pas être modifié maintenant." : problem, {}, FailureKind::conflict);
        }
        bool known = false;
        for (const auto& q : store::deliverable_questions(sql, project->question_set, number)) known = known || q.id == question_id;
        if (!known) return missing();
        const auto answers = store::deliverable_answers(sql, d->id);
        const auto it = answers.find(question_id);
        const int current = it == answers.end() ? 0 : it->second.version;
        if (current != based_on_version)
            return fail("Quelqu’un a enregistré cette réponse pendant que vous écriviez (" + it->second.updated_by +
                            ") : votre texte n’est pas perdu, il est repris ci-dessous à côté du texte enregistré. "
                            "Fusionnez-les puis enregistrez à nouveau.",
                        "answer", FailureKind::conflict);
        store::DeliverableAnswerRow a;
        a.question_id = question_id;
        a.text = text;
        a.version = current + 1;
        a.updated_by = who(user);
        a.updated_at = store::now_utc_seconds();
        store::upsert_deliverable_answer(sql, d->id, a);
        return SaveOutcome{a.version};
    });
}

Result<int> submit_deliverable(store::Database& db, const CurrentUser& user, long long project_id, int number) {
    return store::in_transaction<int>(db, [&](soci::session& sql) -> Result<int> {
        auto project = store::find_project(sql, project_id);
        if (!project) return missing();
        if (!projects::can_write(viewer_on(sql, user, project_id)))
            return forbidden("Seule l’équipe du territoire soumet les livrables de ce projet.");
        auto d = store::find_deliverable(sql, db.dialect(), project_id, number, true);
        if (!d) return missing();
        if (auto problem = projects::submit_problem(projects::parse_state(d->state)); !problem.empty())
            return fail(problem, {}, FailureKind::conflict);
        const auto questions = store::deliverable_questions(sql, project->question_set, number);
        const auto answers = store::deliverable_answers(sql, d->id);
        bool any = false;
        for (const auto& [id, a] : answers) any = any || !a.text.empty();
        if (!any) return fail("Répondez au moins à une question avant de soumettre le livrable.", {}, FailureKind::invalid);
        const int version = static_cast<int>(store::deliverable_submissions(sql, d->id).size()) + 1;
        const long long now = store::now_utc_seconds();
        const long long sid = store::insert_submission(sql, d->id, version, who(user), now);
        for (const auto& q : questions) {
            const auto it = answers.find(q.id);
            store::insert_submission_answer(sql, sid, q.id, it == answers.end() ? std::string() : it->second.text);
        }
        store::set_deliverable_state(sql, d->id, projects::state_name(projects::StageState::submitted), now);
        record_audit(sql, user.id, "project.submit", target(project_id, number), "Version " + std::to_string(version) + " soumise");
        return version;
    });
}

Status review_deliverable(store::Database& db, const CurrentUser& user, long long project_id, int number,
                          const std::map<long long, std::string>& comments, bool validated) {
    for (const auto& [id, c] : comments)
        if (c.size() > projects::max_answer_chars)
            return fail("Un commentaire dépasse " + std::to_string(projects::max_answer_chars) + " caractères.",
                        "comment_" + std::to_string(id), FailureKind::invalid);
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        if (!store::find_project(sql, project_id)) return missing();
        if (!projects::can_review(viewer_on(sql, user, project_id)))
            return forbidden("Seuls les accompagnateurs du projet donnent un avis sur les livrables.");
        auto d = store::find_deliverable(sql, db.dialect(), project_id, number, true);
        if (!d) return missing();
        const auto state = projects::parse_state(d->state);
        if (auto problem = projects::review_problem(state); !problem.empty()) return fail(problem, {}, FailureKind::conflict);
        const auto submissions = store::deliverable_submissions(sql, d->id);
        if (submissions.empty()) return missing();
        const auto& latest = submissions.back();
        for (const auto& [qid, comment] : comments) store::set_submission_comment(sql, latest.id, qid, comment);
        const auto next = projects::after_review(validated);
        const long long now = store::now_utc_seconds();
        store::decide_submission(sql, latest.id, projects::state_name(next), who(user), now);
        // Validating opens the next stage (stages.hpp says which).
        std::vector<projects::StageState> states;
        const auto all = store::project_deliverables(sql, project_id);
        for (const auto& x : all) states.push_back(projects::parse_state(x.state));
        const auto after = projects::with_state(states, static_cast<std::size_t>(number - 1), next);
        for (std::size_t i = 0; i < all.size(); ++i)
            if (after[i] != states[i]) store::set_deliverable_state(sql, all[i].id, projects::state_name(after[i]), now);
        record_audit(sql, user.id, "project.review", target(project_id, number),
                     "Version " + std::to_string(latest.number) + (validated ? " validée" : " à reprendre"));
        return Done{};
    });
}

Result<std::vector<ComparedAnswer>> compare_submissions(store::Database& db, const CurrentUser& user, long long project_id,
                                                        int number, int from, int to) {
    return store::in_transaction<std::vector<ComparedAnswer>>(db, [&](soci::session& sql) -> Result<std::vector<ComparedAnswer>> {
        auto project = store::find_project(sql, project_id);
        if (!project) return missing();
        if (!projects::can_view(viewer_on(sql, user, project_id), project->territory_id))
            return forbidden("Vous n’avez pas accès à ce projet.");
        auto d = store::find_deliverable(sql, db.dialect(), project_id, number, false);
        if (!d) return missing();
        const auto submissions = store::deliverable_submissions(sql, d->id);
        auto answers_of = [&](int n) -> std::optional<std::map<long long, store::SubmittedAnswer>> {
            for (const auto& s : submissions)
                if (s.number == n) return store::submission_answers(sql, s.id);
            return std::nullopt;
        };
        const auto a = answers_of(from), b = answers_of(to);
        if (!a || !b) return fail("Ces versions n’existent pas pour ce livrable.", {}, FailureKind::not_found);
        std::vector<ComparedAnswer> out;
        for (const auto& q : store::deliverable_questions(sql, project->question_set, number)) {
            ComparedAnswer c;
            c.question = q.text;
            const auto before = a->count(q.id) ? a->at(q.id).text : std::string();
            const auto after = b->count(q.id) ? b->at(q.id).text : std::string();
            c.parts = projects::word_diff(before, after);
            c.changed = !projects::unchanged(c.parts);
            out.push_back(std::move(c));
        }
        return out;
    });
}

}  // namespace ateliers::services
