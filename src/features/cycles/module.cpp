#include "features/cycles/module.hpp"
#include "features/cycles/demo/demo_cycles.hpp"

#include "features/cycles/services/reminders.hpp"
#include "features/cycles/web/cycle_pages.hpp"
#include "platform/http/api_routes.hpp"
#include "platform/http/paths.hpp"

namespace ateliers::cycles {

namespace {

using web::App;
using web::FormFields;
using web::Request;
using web::Response;
using web::Visitor;

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() > tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

//   GET /                              home page
//   GET /cycles                        catalogue
//   GET /cycles/SLUG                   a cycle's page
//   GET /cycles/SLUG/calendrier.ics    its public calendar
//   GET /calendrier/SECRET.ics         a person's private calendar
std::optional<Response> pages(const App& app, const Request& req, Visitor& visitor, const FormFields* form) {
    if (form) return std::nullopt;
    if (req.path == "/") return web::home_page(app, req, visitor);
    if (req.path == "/cycles") return web::catalogue_page(app, req, visitor);
    const auto parts = web::path_segments(req.path);
    if (parts.size() == 2 && parts[0] == "cycles") return web::cycle_page(app, req, visitor, parts[1]);
    if (parts.size() == 3 && parts[0] == "cycles" && parts[2] == "calendrier.ics")
        return web::cycle_calendar_file(app, req, visitor, parts[1]);
    if (parts.size() == 2 && parts[0] == "calendrier" && ends_with(parts[1], ".ics"))
        return web::personal_calendar_file(app, req, visitor, parts[1].substr(0, parts[1].size() - 4));
    return std::nullopt;
}

//   GET  /admin                                         every cycle, by status
//   GET  /admin/nouveau-cycle          POST (create)    cycle form
//   GET  /admin/cycles/SLUG            POST (update)    cycle form, status actions
//   GET  /admin/cycles/SLUG/apercu                      a draft as it will look
//   POST /admin/cycles/SLUG/publier | cloturer | dupliquer
//   GET  /admin/cycles/SLUG/message    POST (preview, send)   write to the people of a cycle
std::optional<Response> admin_pages(const App& app, const Request& req, Visitor& visitor, const FormFields* form) {
    const auto parts = web::path_segments(req.path);  // parts[0] == "admin"
    if (!form) {
        if (parts.size() == 1) return web::admin::home_page(app, req, visitor);
        if (parts.size() == 2 && parts[1] == "nouveau-cycle") return web::admin::new_cycle_form(app, req, visitor);
        if (parts.size() == 3 && parts[1] == "cycles") return web::admin::edit_cycle_form(app, req, visitor, parts[2]);
        if (parts.size() == 4 && parts[1] == "cycles" && parts[3] == "apercu")
            return web::cycle_preview_page(app, visitor, parts[2]);
        if (parts.size() == 4 && parts[1] == "cycles" && parts[3] == "message")
            return web::admin::message_page(app, req, visitor, parts[2]);
        return std::nullopt;
    }
    if (parts.size() == 2 && parts[1] == "nouveau-cycle") return web::admin::create_cycle_submit(app, req, visitor, *form);
    if (parts.size() < 3 || parts[1] != "cycles") return std::nullopt;
    const auto& slug = parts[2];
    if (parts.size() == 3) return web::admin::update_cycle_submit(app, req, visitor, *form, slug);
    if (parts.size() == 4 && parts[3] == "message") return web::admin::message_submit(app, req, visitor, *form, slug);
    if (parts.size() == 4 && (parts[3] == "publier" || parts[3] == "cloturer" || parts[3] == "dupliquer"))
        return web::admin::cycle_status_submit(app, req, visitor, slug, parts[3]);
    return std::nullopt;
}

//   GET /api/v1/cycles, GET /api/v1/cycles/{slug}
std::optional<Response> api(const App& app, const Request& req, const std::optional<services::CurrentUser>&) {
    const auto parts = web::path_segments(req.path);  // parts[0] == "api", parts[1] == "v1"
    if ((parts.size() != 3 && parts.size() != 4) || parts[2] != "cycles") return std::nullopt;
    if (web::api::verb_of(req) != web::api::Verb::read) return web::api::method_not_allowed("GET, HEAD");
    return parts.size() == 3 ? web::api::list_cycles(app, req) : web::api::get_cycle(app, parts[3]);
}

// The cycles of seed 000, their testimonials and contacts.
Result<std::string> load_demo(store::Database& db, const modules::DemoOptions& options) {
    auto counts = services::seed_demo(db, options.cycles_file.empty() ? services::default_demo_path() : options.cycles_file,
                                      options.now_utc);
    if (!counts) return counts.failure();
    return "Contenu de démonstration : " + std::to_string(counts->cycles) + " cycles, " + std::to_string(counts->sessions) +
           " séances créées, " + std::to_string(counts->testimonials) + " témoignages, " +
           std::to_string(counts->contacts) + " contacts";
}

}  // namespace

modules::Module module() {
    modules::Module m;
    m.name = "cycles";
    m.pages = pages;
    m.admin_pages = admin_pages;
    m.api = api;
    m.jobs.push_back({"reminders", [](store::Database& db, std::int64_t now, const services::MailContext& mail) {
                          return jobs::queue_due_reminders(db, now, mail);
                      }});
    m.nav.push_back({10, "Cycles d’ateliers", "/cycles"});
    // The home page, the catalogue and a cycle's page (not its sub-pages: forms, calendars).
    m.shared_public_page = [](const std::string& path) {
        return path == "/" || path == "/cycles" ||
               (path.rfind("/cycles/", 0) == 0 && path.find('/', 8) == std::string::npos);
    };
    m.demo_content = load_demo;
    return m;
}

}  // namespace ateliers::cycles
