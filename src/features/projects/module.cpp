#include "features/projects/module.hpp"
#include "features/projects/demo/demo_projects.hpp"

#include "features/projects/services/personal_data.hpp"
#include "features/projects/services/project_reach.hpp"
#include "features/projects/web/project_pages.hpp"
#include "features/projects/web/projects_api.hpp"
#include "platform/http/paths.hpp"

namespace ateliers::projects {

namespace {

using web::App;
using web::FormFields;
using web::Request;
using web::Response;
using web::Visitor;

std::optional<int> deliverable_number(const std::string& s) {
    if (s == "1" || s == "2" || s == "3") return s[0] - '0';
    return std::nullopt;
}

//   GET  /projets                                   the projects the visitor may see, by stage
//   POST /projets                                   create (organisers)
//   GET  /projets/ID                                a project's file
//   GET  /projets/ID/export.docx|pdf                 the whole project file as a document
//   GET  /projets/ID/livrables/N/export.docx|pdf     one deliverable as a document
//   POST /projets/ID/membres                        add a member by e-mail (organisers)
//   GET  /projets/ID/livrables/N                    write, submit, review deliverable N (1–3)
//   POST /projets/ID/livrables/N/reponses/QID       save one answer's draft (version checked)
//   POST /projets/ID/livrables/N/soumettre          freeze a numbered version
//   POST /projets/ID/livrables/N/avis               advisor's comments and decision
//   GET  /projets/ID/livrables/N/comparer?de=&a=    what changed between two versions
//   GET  /projets/suivi                             the agency's follow-up: by stage, four-actor completeness
//   GET  /projets/ID/acteurs                        stakeholder map; POST adds an actor
//   GET  /projets/ID/acteurs/AID                    edit an actor; POST saves it
//   POST /projets/ID/acteurs/AID/supprimer|position remove it; move it (drag) or put it back
//   POST /projets/ID/liens, …/liens/LID/supprimer   add, remove a link between actors
//   GET  /projets/ID/cooperation                    "Raconter la coopération"; POST adds a moment
//   GET  /projets/ID/valeur                         sessions on the value created; POST adds one

// Everything under /projets/ID but the deliverables: members, exports, actors, links,
// cooperation log, value sessions.
std::optional<Response> around_the_table(const App& app, const Request& req, Visitor& visitor, const FormFields* form,
                                         const std::vector<std::string>& parts, long long id) {
    namespace pp = web::project_pages;
    const auto& what = parts[2];
    if (parts.size() == 3) {
        if (!form) {
            if (auto format = pp::export_format(what)) return pp::export_file(app, visitor, id, 0, *format);
            if (what == "acteurs") return pp::actors_page(app, req, visitor, id);
            if (what == "cooperation") return pp::cooperation_page(app, req, visitor, id);
            if (what == "valeur") return pp::value_page(app, req, visitor, id);
            return std::nullopt;
        }
        if (what == "membres") return pp::member_submit(app, visitor, *form, id);
        if (what == "acteurs") return pp::actor_create_submit(app, visitor, *form, id);
        if (what == "liens") return pp::link_create_submit(app, visitor, *form, id);
        if (what == "cooperation") return pp::cooperation_submit(app, visitor, *form, id);
        if (what == "valeur") return pp::value_submit(app, visitor, *form, id);
        return std::nullopt;
    }
    const auto sub = web::path_id(parts[3]);
    if (!sub) return std::nullopt;
    if (what == "acteurs" && parts.size() == 4)
        return form ? pp::actor_update_submit(app, visitor, *form, id, *sub) : pp::actor_edit_page(app, visitor, id, *sub);
    if (!form || parts.size() != 5) return std::nullopt;
    if (what == "acteurs" && parts[4] == "supprimer") return pp::actor_delete_submit(app, visitor, id, *sub);
    if (what == "acteurs" && parts[4] == "position") return pp::actor_move_submit(app, visitor, *form, id, *sub);
    if (what == "liens" && parts[4] == "supprimer") return pp::link_delete_submit(app, visitor, id, *sub);
    return std::nullopt;
}

std::optional<Response> pages(const App& app, const Request& req, Visitor& visitor, const FormFields* form) {
    const auto parts = web::path_segments(req.path);
    if (parts.empty() || parts[0] != "projets") return std::nullopt;
    if (!visitor.user) return web::redirect_to("/compte/connexion?suivant=" + web::url_encode(req.path));
    if (parts.size() == 1) return form ? web::project_pages::create_submit(app, visitor, *form)
                                       : web::project_pages::list_page(app, req, visitor);
    if (parts.size() == 2 && parts[1] == "suivi" && !form) return web::project_pages::agency_page(app, visitor);
    const auto id = web::path_id(parts[1]);
    if (!id) return std::nullopt;
    if (parts.size() == 2 && !form) return web::project_pages::project_page(app, req, visitor, *id);
    if (parts.size() >= 3 && parts[2] != "livrables") return around_the_table(app, req, visitor, form, parts, *id);
    if (parts.size() < 4 || parts[2] != "livrables") return std::nullopt;
    const auto n = deliverable_number(parts[3]);
    if (!n) return std::nullopt;
    if (parts.size() == 4 && !form) return web::project_pages::deliverable_page(app, req, visitor, *id, *n);
    if (parts.size() == 5 && parts[4] == "comparer" && !form) return web::project_pages::compare_page(app, req, visitor, *id, *n);
    if (parts.size() == 5 && !form)
        if (auto format = web::project_pages::export_format(parts[4]))
            return web::project_pages::export_file(app, visitor, *id, *n, *format);
    if (!form) return std::nullopt;
    if (parts.size() == 5 && parts[4] == "soumettre") return web::project_pages::submit_submit(app, visitor, *id, *n);
    if (parts.size() == 5 && parts[4] == "avis") return web::project_pages::review_submit(app, visitor, *form, *id, *n);
    if (parts.size() == 6 && parts[4] == "reponses")
        if (auto q = web::path_id(parts[5])) return web::project_pages::answer_submit(app, visitor, *form, *id, *n, *q);
    return std::nullopt;
}

// One project of the Fabrique des Transitions' method, in the Tarn.
Result<std::string> load_demo(store::Database& db, const modules::DemoOptions&) {
    auto projects = services::seed_demo_projects(db);
    if (!projects) return projects.failure();
    if (projects->territory_missing)
        return std::string("Projet de démonstration : le Tarn est absent du référentiel, ignoré");
    return "Projets de démonstration : " + std::to_string(projects->projects) + " créé(s)";
}

}  // namespace

modules::Module module() {
    modules::Module m;
    m.name = "projects";
    m.pages = pages;
    m.api = web::projects_api::route;
    m.nav.push_back({45, "Projets", "/projets", modules::NavEntry::Audience::signed_in});
    m.personal_data.push_back(services::project_personal_data());
    m.report_section = services::project_report_section;
    m.territory_activity = services::project_territory_activity;
    m.demo_content = load_demo;
    return m;
}

}  // namespace ateliers::projects
