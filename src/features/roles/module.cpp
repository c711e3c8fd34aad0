#include "features/roles/module.hpp"

#include "features/roles/services/personal_data.hpp"
#include "features/roles/web/role_pages.hpp"
#include "platform/http/paths.hpp"

namespace ateliers::roles {

namespace {

using web::App;
using web::FormFields;
using web::Request;
using web::Response;
using web::Visitor;

//   GET  /admin/roles?q=            who holds which role, account search, the forms
//   POST /admin/roles/donner        grant (after a confirmation page)
//   POST /admin/roles/retirer       revoke (after a confirmation page)
//   POST /admin/roles/inviter       invite a facilitator or a provider by e-mail
std::optional<Response> admin_pages(const App& app, const Request& req, Visitor& visitor, const FormFields* form) {
    const auto parts = web::path_segments(req.path);  // parts[0] == "admin"
    if (parts.size() < 2 || parts[1] != "roles") return std::nullopt;
    if (!form) {
        if (parts.size() == 2) return web::role_pages::roles_page(app, req, visitor);
        return std::nullopt;
    }
    if (parts.size() != 3) return std::nullopt;
    if (parts[2] == "donner") return web::role_pages::grant_submit(app, visitor, *form);
    if (parts[2] == "retirer") return web::role_pages::revoke_submit(app, visitor, *form);
    if (parts[2] == "inviter") return web::role_pages::invite_submit(app, visitor, *form);
    return std::nullopt;
}

//   GET|POST /invitation/TOKEN     create the account of an invitation, with its role
std::optional<Response> pages(const App& app, const Request& req, Visitor& visitor, const FormFields* form) {
    const auto parts = web::path_segments(req.path);
    if (parts.size() != 2 || parts[0] != "invitation") return std::nullopt;
    if (!form) return web::role_pages::invitation_page(app, visitor, parts[1]);
    return web::role_pages::invitation_submit(app, visitor, parts[1], *form);
}

}  // namespace

modules::Module module() {
    modules::Module m;
    m.name = "roles";
    m.pages = pages;
    m.admin_pages = admin_pages;
    m.personal_data.push_back(services::roles_personal_data());
    return m;
}

}  // namespace ateliers::roles
