// The project file and each deliverable as DOCX or PDF: the export template is a whole
// HTML page turned into a document by platform/export/document_conversion (pandoc for
// DOCX, WeasyPrint for PDF), so the documents hold exactly what the pages say.
#include <nlohmann/json.hpp>

#include <cctype>
#include <ctime>

#include "features/projects/services/actors_service.hpp"
#include "features/projects/services/cooperation_service.hpp"
#include "features/projects/services/projects_service.hpp"
#include "features/projects/web/project_pages.hpp"
#include "features/projects/web/project_views.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/core/text.hpp"
#include "platform/export/document_conversion.hpp"

namespace ateliers::web::project_pages {

namespace {

// The text a reader of the file needs: the latest frozen version when there is one (what
// the advisor read and commented), else the draft being written.
nlohmann::json deliverable_export(const services::DeliverableView& d) {
    const bool submitted = !d.submissions.empty();
    nlohmann::json questions = nlohmann::json::array();
    int position = 0;
    for (const auto& q : d.questions) {
        const auto& text = submitted ? q.last_submitted.text : q.draft.text;
        questions.push_back({{"position", ++position},
                             {"text", q.question.text},
                             {"answer", paragraphs(text)},
                             {"has_answer", !paragraphs(text).empty()},
                             {"comment", paragraphs(q.last_submitted.comment)},
                             {"has_comment", !q.last_submitted.comment.empty()}});
    }
    nlohmann::json out{{"number", d.number},
                       {"title", d.title},
                       {"purpose", d.purpose},
                       {"label", projects::state_label(d.state)},
                       {"questions", questions},
                       {"version", submitted ? nlohmann::json(d.submissions.back().number) : nlohmann::json()},
                       {"has_decision", submitted && !d.submissions.back().decision.empty()}};
    if (submitted && !d.submissions.back().decision.empty()) {
        out["decision"] = d.submissions.back().decision == "valide" ? "Validé" : "À reprendre";
        out["decided_by"] = d.submissions.back().decided_by;
    }
    return out;
}

// "Management des organisations par la coopération" -> "management-des-organisations-par-la-cooperation"
std::string slug(const std::string& title) {
    std::string out;
    for (unsigned char c : text::fold_for_search(title)) {
        if (std::isalnum(c)) out += static_cast<char>(c);
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    if (out.size() > 60) out.resize(60);
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "projet" : out;
}

// The whole file also holds who is around the table, the cooperation log and the value
// sessions (tables: the map itself is a drawing for screens and print, not for Word).
void add_project_annexes(const App& app, const services::CurrentUser& user, long long id, nlohmann::json& data) {
    namespace pj = projects;
    if (auto map = services::project_actor_map(app.db(), user, id)) {
        std::map<long long, std::string> names;
        nlohmann::json actors = nlohmann::json::array(), links = nlohmann::json::array();
        for (const auto& a : map->actors) {
            names[a.id] = a.name;
            actors.push_back({{"name", a.name},
                              {"category", pj::category_label(pj::parse_category(a.category).value_or(pj::ActorCategory::autre))},
                              {"actant", pj::actant_label(pj::parse_actant(a.actant).value_or(pj::Actant::none))},
                              {"influence", a.influence},
                              {"interest", a.interest},
                              {"stance", pj::stance_label(pj::parse_stance(a.stance).value_or(pj::Stance::neutre))},
                              {"notes", a.notes}});
        }
        for (const auto& l : map->links)
            links.push_back({{"from", names[l.from_actor]},
                             {"to", names[l.to_actor]},
                             {"kind", pj::link_kind_label(pj::parse_link_kind(l.kind).value_or(pj::LinkKind::influence))},
                             {"step", l.step ? std::to_string(*l.step) : std::string()},
                             {"label", l.label}});
        std::string missing;
        for (auto c : map->missing) missing += (missing.empty() ? "" : ", ") + pj::category_label(c);
        data["actors"] = actors;
        data["has_actors"] = !actors.empty();
        data["actor_links"] = links;
        data["has_actor_links"] = !links.empty();
        data["missing_fantastiques"] = missing;
        data["has_missing_fantastiques"] = !missing.empty();
    }
    if (auto log = services::project_cooperation_log(app.db(), user, id)) {
        nlohmann::json entries = nlohmann::json::array();
        for (auto it = log->entries.rbegin(); it != log->entries.rend(); ++it)  // in the order they happened
            entries.push_back({{"date", readable_date(it->happened_on)},
                               {"kind", pj::log_kind_label(pj::parse_log_kind(it->kind).value_or(pj::LogKind::autre))},
                               {"title", it->title},
                               {"body", paragraphs(it->body)}});
        data["log"] = entries;
        data["has_log"] = !entries.empty();
    }
    if (auto value = services::project_value(app.db(), user, id)) {
        nlohmann::json sessions = nlohmann::json::array();
        for (const auto& s : value->sessions) {
            nlohmann::json entries = nlohmann::json::array();
            for (const auto& e : s.entries)
                entries.push_back({{"label", e.label}, {"observed", e.observed}, {"evidence", e.evidence},
                                   {"indicator", e.indicator.empty() ? "" : e.indicator + " : " + e.indicator_value}});
            sessions.push_back({{"date", readable_date(s.held_on)},
                                {"participants", s.participants},
                                {"entries", entries},
                                {"conclusions", paragraphs(s.conclusions)}});
        }
        data["value_sessions"] = sessions;
        data["has_value_sessions"] = !sessions.empty();
    }
}

}  // namespace

std::optional<documents::Format> export_format(const std::string& segment) {
    if (segment == "export.docx") return documents::Format::docx;
    if (segment == "export.pdf") return documents::Format::pdf;
    return std::nullopt;
}

Response export_file(const App& app, Visitor& visitor, long long id, int number, documents::Format format) {
    auto file = services::project_file(app.db(), *visitor.user, id);
    if (!file) return failure_page(app, visitor, file.failure());
    const auto& f = file.value();
    nlohmann::json deliverables = nlohmann::json::array();
    for (const auto& d : f.deliverables)
        if (number == 0 || d.number == number) deliverables.push_back(deliverable_export(d));
    if (deliverables.empty()) return app.error_page(visitor, 404, "Introuvable", "Livrable introuvable.");
    nlohmann::json members = nlohmann::json::array();
    for (const auto& m : f.members)
        members.push_back({{"name", m.full_name.empty() ? m.email : m.full_name},
                           {"role", m.role == "team" ? "Équipe du territoire" : "Accompagnateur"}});
    const std::string heading = number == 0 ? "Dossier du projet" : deliverables[0]["title"].get<std::string>();
    nlohmann::json data{{"title", heading + " – " + f.project.title},
                        {"heading", heading},
                        {"project", {{"title", f.project.title}, {"territory", f.project.territory_name},
                                     {"demo", f.project.demo}, {"summary", paragraphs(f.project.summary)}}},
                        {"exported_at", paris_time::long_date(static_cast<std::int64_t>(std::time(nullptr)))},
                        {"deliverables", deliverables},
                        {"members", members},
                        {"has_members", number == 0 && !members.empty()}};
    if (number == 0) add_project_annexes(app, *visitor.user, id, data);
    auto bytes = documents::convert_html(app.fragment("projects/export", data), format);
    if (!bytes) return app.error_page(visitor, 500, "Export impossible", bytes.failure().message);
    Response r;
    r.content_type = std::string(documents::media_type(format));
    r.body = std::move(bytes.value());
    const std::string name = slug(f.project.title) + (number == 0 ? "-dossier" : "-livrable-" + std::to_string(number)) + "." +
                             std::string(documents::file_extension(format));
    r.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    return r;
}

}  // namespace ateliers::web::project_pages
