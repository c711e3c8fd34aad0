#include "features/registration/module.hpp"

#include "features/registration/services/personal_data.hpp"
#include "features/registration/web/registration_pages.hpp"
#include "platform/http/api_routes.hpp"
#include "platform/http/paths.hpp"

namespace ateliers::registration {

namespace {

using web::App;
using web::FormFields;
using web::Request;
using web::Response;
using web::Visitor;

//   GET  /espace                                   the personal space
//   POST /espace/profil | /espace/agenda           profile, new calendar address
//   GET  /cycles/SLUG/inscription      POST        the registration form
//   POST /cycles/SLUG/alerte-place                 "prévenez-moi si une place se libère"
//   GET  /espace/inscriptions/ID/annuler  POST     cancel, after a confirmation page
//   POST /espace/inscriptions/ID/situation | monter
std::optional<Response> pages(const App& app, const Request& req, Visitor& visitor, const FormFields* form) {
    const auto parts = web::path_segments(req.path);
    if (!form) {
        if (req.path == "/espace") return web::my_space(app, req, visitor);
        if (parts.size() == 3 && parts[0] == "cycles" && parts[2] == "inscription")
            return web::registration_form(app, req, visitor, parts[1]);
        if (parts.size() == 4 && parts[0] == "espace" && parts[1] == "inscriptions" && parts[3] == "annuler")
            if (auto id = web::path_id(parts[2])) return web::cancel_confirm_page(app, req, visitor, *id);
        return std::nullopt;
    }
    if (req.path == "/espace/profil") return web::profile_submit(app, req, visitor, *form);
    if (req.path == "/espace/agenda") return web::calendar_address_submit(app, req, visitor, *form);
    if (parts.size() == 3 && parts[0] == "cycles" && parts[2] == "inscription")
        return web::registration_submit(app, req, visitor, *form, parts[1]);
    if (parts.size() == 3 && parts[0] == "cycles" && parts[2] == "alerte-place")
        return web::seat_alert_submit(app, req, visitor, *form, parts[1]);
    if (parts.size() == 4 && parts[0] == "espace" && parts[1] == "inscriptions")
        if (auto id = web::path_id(parts[2])) {
            if (parts[3] == "situation") return web::situation_submit(app, req, visitor, *form, *id);
            if (parts[3] == "annuler") return web::cancel_submit(app, req, visitor, *form, *id);
            if (parts[3] == "monter") return web::choice_up_submit(app, req, visitor, *form, *id);
        }
    return std::nullopt;
}

//   GET  /admin/cycles/SLUG/inscriptions?statut=&mandat=
//   POST /admin/cycles/SLUG/inscriptions/ID/accepter | refuser | attente
//   GET  /admin/cycles/SLUG/participants.csv | participants.xlsx (same filters)
//   GET|POST /admin/cycles/SLUG/inscrire      an organiser registers someone on their behalf
//   GET|POST /admin/cycles/SLUG/inscriptions/ID/deplacer   move a registration to another cycle
std::optional<Response> admin_pages(const App& app, const Request& req, Visitor& visitor, const FormFields* form) {
    const auto parts = web::path_segments(req.path);  // parts[0] == "admin"
    if (parts.size() < 4 || parts[1] != "cycles") return std::nullopt;
    const auto& slug = parts[2];
    if (!form) {
        if (parts.size() == 4 && parts[3] == "inscriptions") return web::admin::registrations_page(app, req, visitor, slug);
        if (parts.size() == 4 && parts[3] == "inscrire") return web::admin::on_behalf_form(app, req, visitor, slug);
        if (parts.size() == 6 && parts[3] == "inscriptions" && parts[5] == "deplacer")
            if (auto id = web::path_id(parts[4])) return web::admin::move_form(app, req, visitor, slug, *id);
        if (parts.size() == 4 && parts[3] == "participants.csv")
            return web::admin::export_download(app, req, visitor, slug, "csv");
        if (parts.size() == 4 && parts[3] == "participants.xlsx")
            return web::admin::export_download(app, req, visitor, slug, "xlsx");
        return std::nullopt;
    }
    if (parts.size() == 4 && parts[3] == "inscrire") return web::admin::on_behalf_submit(app, req, visitor, *form, slug);
    if (parts.size() == 6 && parts[3] == "inscriptions" && parts[5] == "deplacer")
        if (auto id = web::path_id(parts[4])) return web::admin::move_submit(app, req, visitor, *form, slug, *id);
    if (parts.size() == 6 && parts[3] == "inscriptions" &&
        (parts[5] == "accepter" || parts[5] == "refuser" || parts[5] == "attente"))
        if (auto id = web::path_id(parts[4]))
            return web::admin::decision_submit(app, req, visitor, *form, slug, *id, parts[5]);
    return std::nullopt;
}

//   GET/POST /api/v1/cycles/{slug}/registrations (list: organisers; create: bearer token)
//   GET /api/v1/me, GET /api/v1/me/registrations
//   GET/DELETE /api/v1/registrations/{id}, POST /api/v1/registrations/{id}/cancel
std::optional<Response> api(const App& app, const Request& req, const std::optional<services::CurrentUser>& cookie_user) {
    namespace api = web::api;
    using api::Verb;
    const auto parts = web::path_segments(req.path);  // parts[0] == "api", parts[1] == "v1"
    const auto n = parts.size();
    const auto verb = api::verb_of(req);
    const auto as_caller = [&](bool cookie_allowed, auto&& handler) {
        return api::with_caller(app, req, cookie_user, cookie_allowed, handler);
    };
    if (n == 5 && parts[2] == "cycles" && parts[4] == "registrations") {
        const auto& slug = parts[3];
        if (verb == Verb::read)
            return as_caller(true, [&](const services::CurrentUser& u) { return api::cycle_registrations(app, req, u, slug); });
        if (verb == Verb::write)
            return as_caller(false, [&](const services::CurrentUser& u) { return api::create_registration(app, req, u, slug); });
        return api::method_not_allowed("GET, HEAD, POST");
    }
    if (n == 3 && parts[2] == "me") {
        if (verb != Verb::read) return api::method_not_allowed("GET, HEAD");
        return as_caller(true, [&](const services::CurrentUser& u) { return api::me(app, u); });
    }
    if (n == 4 && parts[2] == "me" && parts[3] == "registrations") {
        if (verb != Verb::read) return api::method_not_allowed("GET, HEAD");
        return as_caller(true, [&](const services::CurrentUser& u) { return api::my_registrations(app, u); });
    }
    if ((n == 4 || n == 5) && parts[2] == "registrations") {
        const auto id = web::path_id(parts[3]);
        if (!id) return api::error(404, "Inscription introuvable.");
        if (n == 5) {
            if (parts[4] != "cancel") return api::not_found();
            if (verb != Verb::write && verb != Verb::remove) return api::method_not_allowed("POST, DELETE");
            return as_caller(false, [&](const services::CurrentUser& u) { return api::cancel_registration(app, u, *id); });
        }
        if (verb == Verb::read)
            return as_caller(true, [&](const services::CurrentUser& u) { return api::get_registration(app, u, *id); });
        if (verb == Verb::remove)
            return as_caller(false, [&](const services::CurrentUser& u) { return api::cancel_registration(app, u, *id); });
        return api::method_not_allowed("GET, HEAD, DELETE");
    }
    return std::nullopt;
}

}  // namespace

modules::Module module() {
    modules::Module m;
    m.name = "registration";
    m.pages = pages;
    m.admin_pages = admin_pages;
    m.api = api;
    m.nav.push_back({30, "Mon espace", "/espace", modules::NavEntry::Audience::signed_in});
    m.personal_data.push_back(services::registration_personal_data());
    return m;
}

}  // namespace ateliers::registration
