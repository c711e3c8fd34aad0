#include "features/projects/module.hpp"

#include "features/projects/web/project_pages.hpp"
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
//   POST /projets/ID/membres                        add a member by e-mail (organisers)
//   GET  /projets/ID/livrables/N                    write, submit, review deliverable N (1–3)
//   POST /projets/ID/livrables/N/reponses/QID       save one answer's draft (version checked)
//   POST /projets/ID/livrables/N/soumettre          freeze a numbered version
//   POST /projets/ID/livrables/N/avis               advisor's comments and decision
//   GET  /projets/ID/livrables/N/comparer?de=&a=    what changed between two versions
std::optional<Response> pages(const App& app, const Request& req, Visitor& visitor, const FormFields* form) {
    const auto parts = web::path_segments(req.path);
    if (parts.empty() || parts[0] != "projets") return std::nullopt;
    if (!visitor.user) return web::redirect_to("/compte/connexion?suivant=" + web::url_encode(req.path));
    if (parts.size() == 1) return form ? web::project_pages::create_submit(app, visitor, *form)
                                       : web::project_pages::list_page(app, req, visitor);
    const auto id = web::path_id(parts[1]);
    if (!id) return std::nullopt;
    if (parts.size() == 2 && !form) return web::project_pages::project_page(app, req, visitor, *id);
    if (parts.size() == 3 && parts[2] == "membres" && form) return web::project_pages::member_submit(app, visitor, *form, *id);
    if (parts.size() < 4 || parts[2] != "livrables") return std::nullopt;
    const auto n = deliverable_number(parts[3]);
    if (!n) return std::nullopt;
    if (parts.size() == 4 && !form) return web::project_pages::deliverable_page(app, req, visitor, *id, *n);
    if (parts.size() == 5 && parts[4] == "comparer" && !form) return web::project_pages::compare_page(app, req, visitor, *id, *n);
    if (!form) return std::nullopt;
    if (parts.size() == 5 && parts[4] == "soumettre") return web::project_pages::submit_submit(app, visitor, *id, *n);
    if (parts.size() == 5 && parts[4] == "avis") return web::project_pages::review_submit(app, visitor, *form, *id, *n);
    if (parts.size() == 6 && parts[4] == "reponses")
        if (auto q = web::path_id(parts[5])) return web::project_pages::answer_submit(app, visitor, *form, *id, *n, *q);
    return std::nullopt;
}

}  // namespace

modules::Module module() {
    modules::Module m;
    m.name = "projects";
    m.pages = pages;
    m.nav.push_back({45, "Projets", "/projets", modules::NavEntry::Audience::signed_in});
    return m;
}

}  // namespace ateliers::projects
