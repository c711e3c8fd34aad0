#include <nlohmann/json.hpp>

#include "features/projects/services/deliverables_service.hpp"
#include "features/projects/services/projects_service.hpp"
#include "features/projects/web/project_pages.hpp"
#include "features/projects/web/project_views.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/http/paths.hpp"

namespace ateliers::web::project_pages {

namespace {

// What a refused save or review brings back to the page: the person's own text is shown
// again, with the message next to the question it concerns.
struct Typed {
    long long question_id = 0;
    std::string text;
    std::string message;
    std::string general;  // a message for the whole page
    std::map<long long, std::string> comments;
};

std::string when(long long t) { return paris_time::long_date(t) + " à " + paris_time::time_of_day(t); }

std::string base(long long id, int number) {
    return "/projets/" + std::to_string(id) + "/livrables/" + std::to_string(number);
}

Response render(const App& app, Visitor& visitor, long long id, int number, const Typed& typed, const std::string& notice,
                int status) {
    auto file = services::project_file(app.db(), *visitor.user, id);
    if (!file) return failure_page(app, visitor, file.failure());
    const auto& f = file.value();
    if (number < 1 || number > static_cast<int>(f.deliverables.size()))
        return app.error_page(visitor, 404, "Introuvable", "Livrable introuvable.");
    const auto& d = f.deliverables[static_cast<std::size_t>(number - 1)];
    const bool write = projects::can_write(f.viewer) && projects::editable(d.state);
    const bool review = projects::can_review(f.viewer) && projects::review_problem(d.state).empty();
    nlohmann::json questions = nlohmann::json::array();
    int position = 0;
    for (const auto& q : d.questions) {
        nlohmann::json v{{"id", q.question.id},
                         {"position", ++position},
                         {"text", q.question.text},
                         {"draft", q.draft.text},
                         {"version", q.draft.version},
                         {"saved_by", q.draft.updated_by},
                         {"saved_at", q.draft.version ? nlohmann::json(when(q.draft.updated_at)) : nlohmann::json()},
                         {"submitted", paragraphs(q.last_submitted.text)},
                         {"comment", paragraphs(q.last_submitted.comment)},
                         {"has_comment", !q.last_submitted.comment.empty()},
                         {"comment_raw", typed.comments.count(q.question.id) ? typed.comments.at(q.question.id) : q.last_submitted.comment}};
        if (typed.question_id == q.question.id) {
            v["problem"] = typed.message;
            v["typed"] = typed.text;
            v["draft"] = typed.text;  // their text stays in the field; the saved one is shown beside
            v["saved_text"] = paragraphs(q.draft.text);
        }
        questions.push_back(v);
    }
    nlohmann::json versions = nlohmann::json::array();
    for (const auto& s : d.submissions)
        versions.push_back({{"number", s.number},
                            {"by", s.submitted_by},
                            {"at", when(s.submitted_at)},
                            {"decision", s.decision == "valide" ? "Validé" : s.decision == "a_reprendre" ? "À reprendre" : "En attente d’avis"},
                            {"decided_by", s.decided_by.empty() ? nlohmann::json() : nlohmann::json(s.decided_by)},
                            {"previous", s.number - 1},
                            {"has_previous", s.number > 1}});
    const auto submit_problem = projects::submit_problem(d.state);
    nlohmann::json data{{"title", d.title + " – " + f.project.title},
                        {"project", {{"id", f.project.id}, {"title", f.project.title}, {"territory", f.project.territory_name}, {"demo", f.project.demo}}},
                        {"deliverable", {{"number", d.number}, {"title", d.title}, {"purpose", d.purpose},
                                         {"label", projects::state_label(d.state)}, {"state", projects::state_name(d.state)}}},
                        {"base", base(id, number)},
                        {"questions", questions},
                        {"write", write},
                        {"read_only", !write},
                        {"can_submit", projects::can_write(f.viewer) && submit_problem.empty()},
                        {"locked", d.state == projects::StageState::locked},
                        {"review", review},
                        {"versions", versions},
                        {"has_versions", !versions.empty()},
                        {"max_chars", projects::max_answer_chars}};
    if (!notice.empty()) data["notice"] = notice;
    if (!typed.general.empty()) data["error"] = typed.general;
    return app.page(visitor, "projects/deliverable", data, status);
}

}  // namespace

Response deliverable_page(const App& app, const Request& req, Visitor& visitor, long long id, int number) {
    const auto m = req.query_param("message");
    std::string notice;
    if (m == "enregistre") notice = "Votre réponse est enregistrée.";
    if (m == "soumis") notice = "Le livrable est soumis : la version est figée et l’accompagnateur est invité à donner son avis.";
    if (m == "avis") notice = "Votre avis est enregistré.";
    return render(app, visitor, id, number, {}, notice, 200);
}

Response answer_submit(const App& app, Visitor& visitor, const FormFields& form, long long id, int number, long long question_id) {
    const auto text = field(form, "answer");
    const int version = static_cast<int>(path_id(field(form, "version")).value_or(0));
    auto saved = services::save_answer(app.db(), *visitor.user, id, number, question_id, text, version);
    if (saved) return redirect_to(base(id, number) + "?message=enregistre#q" + std::to_string(question_id));
    const auto& f = saved.failure();
    if (f.kind == FailureKind::not_found || f.kind == FailureKind::forbidden) return failure_page(app, visitor, f);
    Typed typed;
    typed.question_id = question_id;
    typed.text = text;
    typed.message = f.message;
    return render(app, visitor, id, number, typed, "", http_status(f));
}

Response submit_submit(const App& app, Visitor& visitor, long long id, int number) {
    auto submitted = services::submit_deliverable(app.db(), *visitor.user, id, number);
    if (submitted) return redirect_to(base(id, number) + "?message=soumis");
    const auto& f = submitted.failure();
    if (f.kind == FailureKind::not_found || f.kind == FailureKind::forbidden) return failure_page(app, visitor, f);
    Typed typed;
    typed.general = f.message;
    return render(app, visitor, id, number, typed, "", http_status(f));
}

Response review_submit(const App& app, Visitor& visitor, const FormFields& form, long long id, int number) {
    std::map<long long, std::string> comments;
    for (const auto& [name, value] : form)
        if (name.rfind("comment_", 0) == 0)
            if (auto q = path_id(name.substr(8))) comments[*q] = value;
    const auto decision = field(form, "decision");
    Typed typed;
    typed.comments = comments;
    if (decision != "valide" && decision != "a_reprendre") {
        typed.general = "Choisissez votre décision : validé ou à reprendre.";
        return render(app, visitor, id, number, typed, "", 422);
    }
    auto reviewed = services::review_deliverable(app.db(), *visitor.user, id, number, comments, decision == "valide");
    if (reviewed) return redirect_to(base(id, number) + "?message=avis");
    const auto& f = reviewed.failure();
    if (f.kind == FailureKind::not_found || f.kind == FailureKind::forbidden) return failure_page(app, visitor, f);
    typed.general = f.message;
    return render(app, visitor, id, number, typed, "", http_status(f));
}

Response compare_page(const App& app, const Request& req, Visitor& visitor, long long id, int number) {
    const int from = static_cast<int>(path_id(req.query_param("de")).value_or(0));
    const int to = static_cast<int>(path_id(req.query_param("a")).value_or(0));
    auto compared = services::compare_submissions(app.db(), *visitor.user, id, number, from, to);
    if (!compared) return failure_page(app, visitor, compared.failure());
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& c : compared.value()) {
        nlohmann::json parts = nlohmann::json::array();
        for (const auto& p : c.parts)
            parts.push_back({{"text", p.text},
                             {"added", p.kind == projects::DiffKind::added},
                             {"removed", p.kind == projects::DiffKind::removed},
                             {"same", p.kind == projects::DiffKind::same}});
        rows.push_back({{"question", c.question}, {"parts", parts}, {"changed", c.changed}});
    }
    return app.page(visitor, "projects/compare",
                    {{"title", "Comparer les versions – Projets"},
                     {"base", base(id, number)},
                     {"number", number},
                     {"from", from},
                     {"to", to},
                     {"rows", rows}});
}

}  // namespace ateliers::web::project_pages
