#include "features/events/module.hpp"
#include "features/events/demo/demo_events.hpp"

#include "features/events/services/event_questionnaire.hpp"
#include "features/events/services/event_reach.hpp"
#include "features/events/services/event_reminders.hpp"
#include "features/events/services/personal_data.hpp"
#include "features/events/web/event_admin_pages.hpp"
#include "features/events/web/event_checkin_pages.hpp"
#include "features/events/web/event_document_pages.hpp"
#include "features/events/web/event_editor_pages.hpp"
#include "features/events/web/event_file_pages.hpp"
#include "features/events/web/event_mailing_pages.hpp"
#include "features/events/web/event_pages.hpp"
#include "features/events/web/event_questionnaire_pages.hpp"
#include "features/events/web/event_removal_pages.hpp"
#include "features/events/web/event_report_pages.hpp"
#include "features/events/web/events_api.hpp"
#include "platform/http/paths.hpp"

namespace ateliers::events {

namespace {

using web::App;
using web::FormFields;
using web::Request;
using web::Response;
using web::Visitor;

// "interventions" or "creneaux" in a programme editor's address.
std::optional<services::ProgrammePart> programme_part(const std::string& segment) {
    if (segment == "interventions") return services::ProgrammePart::item;
    if (segment == "creneaux") return services::ProgrammePart::slot;
    return std::nullopt;
}

//   GET  /evenements                          upcoming and past events (?type=&mois=&lieu=)
//   GET  /evenements/SLUG                     presentation, programme, practical information
//   GET  /evenements/SLUG/programme.ics       the whole programme
//   GET  /evenements/SLUG/programme/ID.ics    one item or workshop
//   GET  /evenements/SLUG/badge.pdf           the visitor's badge (confirmed registration)
//   GET  /evenements/SLUG/attestation.pdf     the visitor's certificate of attendance (checked in)
//   POST /evenements/SLUG/attestation         the same, sent to the visitor by e-mail
//   GET  /evenements/SLUG/inscription  POST   register, choose workshops
//   POST /evenements/SLUG/choix               change workshop choices
//   POST /evenements/SLUG/annuler             cancel
//   GET  /evenements/SLUG/questionnaire  POST  the questionnaire after the event
//   GET  /evenements/SLUG/fichiers/ID          a document published as a file
std::optional<Response> pages(const App& app, const Request& req, Visitor& visitor, const FormFields* form,
                              const files::FileStorage& storage) {
    const auto parts = web::path_segments(req.path);
    if (parts.empty() || parts[0] != "evenements") return std::nullopt;
    if (!form) {
        if (parts.size() == 1) return web::events_pages::list_page(app, req, visitor);
        if (parts.size() == 2) return web::events_pages::event_page(app, req, visitor, parts[1]);
        if (parts.size() == 3 && parts[2] == "programme.ics") return web::events_pages::programme_ics(app, parts[1]);
        if (parts.size() == 4 && parts[2] == "programme") return web::events_pages::item_ics(app, parts[1], parts[3]);
        if (parts.size() == 3 && parts[2] == "badge.pdf") return web::events_documents::my_badge(app, visitor, parts[1]);
        if (parts.size() == 3 && parts[2] == "attestation.pdf")
            return web::events_documents::my_certificate(app, visitor, parts[1]);
        if (parts.size() == 3 && parts[2] == "inscription")
            return web::events_pages::registration_form(app, req, visitor, parts[1]);
        if (parts.size() == 3 && parts[2] == "questionnaire")
            return web::events_questionnaire::questionnaire_page(app, req, visitor, parts[1]);
        if (parts.size() == 4 && parts[2] == "fichiers")
            if (auto id = web::path_id(parts[3])) return web::events_files::file_download(app, visitor, storage, parts[1], *id);
        return std::nullopt;
    }
    if (parts.size() == 3 && parts[2] == "inscription")
        return web::events_pages::registration_submit(app, req, visitor, *form, parts[1]);
    if (parts.size() == 3 && parts[2] == "attestation")
        return web::events_documents::mail_my_certificate(app, visitor, parts[1]);
    if (parts.size() == 3 && parts[2] == "choix") return web::events_pages::choices_submit(app, req, visitor, *form, parts[1]);
    if (parts.size() == 3 && parts[2] == "annuler") return web::events_pages::cancel_submit(app, req, visitor, *form, parts[1]);
    if (parts.size() == 3 && parts[2] == "questionnaire")
        return web::events_questionnaire::questionnaire_submit(app, visitor, *form, parts[1]);
    return std::nullopt;
}

//   GET  /admin/evenements                                   every event, published or not
//   GET  /admin/evenements/SLUG?participation=               registrations, counts per workshop and meal
//   GET  /admin/evenements/SLUG/inscrits.csv | inscrits.xlsx  one sheet for all, one per workshop
//   POST /admin/evenements/SLUG/publier                      publish or withdraw
//   POST /admin/evenements/SLUG/ateliers/ID/capacite         a workshop's capacity
//   GET  /admin/evenements/SLUG/bilan | bilan.csv            who came, from where, per workshop
//   GET  /admin/evenements/SLUG/badges                       the badge sheet's parts (12 pages each)
//   GET  /admin/evenements/SLUG/badges.pdf[?partie=N] | badges.html  sheet of every confirmed person's badge
//   GET  /admin/evenements/SLUG/inscriptions/ID/badge.pdf | attestation.pdf
//   GET  /admin/evenements/SLUG/accueil  POST                 welcome desk: check in (ticket or name)
//   POST /admin/evenements/SLUG/accueil/atelier               present in a workshop
//   GET  /admin/evenements/SLUG/email  POST                   e-mail the registrants, a workshop's, the waiting list
//   POST /admin/evenements/SLUG/documents[/ID/retirer]      publish or withdraw a document link
//   POST /admin/evenements/SLUG/fichiers[/ID/retirer]       upload (multipart) or withdraw a document file
//   GET  /admin/evenements/nouveau  POST                      create an event (unpublished)
//   GET  /admin/evenements/SLUG/programme                     the programme editor
//   POST /admin/evenements/SLUG/dupliquer                     copy with dates shifted by N days
//   POST /admin/evenements/SLUG/programme/creneaux[/ID]       add or edit a slot of parallel workshops
//   POST /admin/evenements/SLUG/programme/interventions[/ID]  add or edit an item or workshop
//   POST /admin/evenements/SLUG/programme/interventions/ID/intervenants  a speaker on an item
//   GET  /admin/evenements/SLUG/programme/{interventions|creneaux}/ID/supprimer  POST  confirm, delete
std::optional<Response> admin_pages(const App& app, const Request& req, Visitor& visitor, const FormFields* form,
                                    const files::FileStorage& storage) {
    const auto parts = web::path_segments(req.path);  // parts[0] == "admin"
    if (parts.size() < 2 || parts[1] != "evenements") return std::nullopt;
    if (!form) {
        if (parts.size() == 2) return web::events_admin::events_page(app, req, visitor);
        if (parts.size() == 3 && parts[2] == "nouveau") return web::events_editor::new_event_page(app, visitor);
        if (parts.size() == 4 && parts[3] == "email") return web::events_mailing::mailing_page(app, req, visitor, parts[2]);
        if (parts.size() == 4 && parts[3] == "programme") return web::events_editor::programme_page(app, visitor, parts[2]);
        if (parts.size() == 3) return web::events_admin::event_page(app, req, visitor, parts[2]);
        if (parts.size() == 4 && parts[3] == "inscrits.csv") return web::events_admin::export_download(app, req, visitor, parts[2], false);
        if (parts.size() == 4 && parts[3] == "inscrits.xlsx") return web::events_admin::export_download(app, req, visitor, parts[2], true);
        if (parts.size() == 4 && parts[3] == "accueil") return web::events_checkin::desk_page(app, req, visitor, parts[2]);
        if (parts.size() == 4 && parts[3] == "bilan") return web::events_report::report_page(app, visitor, parts[2]);
        if (parts.size() == 4 && parts[3] == "bilan.csv") return web::events_report::report_csv(app, visitor, parts[2]);
        if (parts.size() == 4 && parts[3] == "badges.pdf")
            return web::events_documents::badge_sheet(app, req, visitor, parts[2]);
        if (parts.size() == 4 && parts[3] == "badges") return web::events_documents::badge_sheet_parts(app, visitor, parts[2]);
        if (parts.size() == 4 && parts[3] == "badges.html")
            return web::events_documents::badge_sheet_page(app, visitor, parts[2]);
        if (parts.size() == 6 && parts[3] == "inscriptions")
            if (auto id = web::path_id(parts[4])) {
                if (parts[5] == "badge.pdf") return web::events_documents::badge_of(app, visitor, parts[2], *id);
                if (parts[5] == "attestation.pdf") return web::events_documents::certificate_of(app, visitor, parts[2], *id);
            }
        if (parts.size() == 7 && parts[3] == "programme" && parts[6] == "supprimer")
            if (auto part = programme_part(parts[4]))
                if (auto id = web::path_id(parts[5]))
                    return web::events_removal::removal_page(app, visitor, parts[2], *part, *id);
        return std::nullopt;
    }
    if (parts.size() == 3 && parts[2] == "nouveau") return web::events_editor::new_event_submit(app, visitor, *form);
    if (parts.size() == 4 && parts[3] == "email") return web::events_mailing::mailing_submit(app, visitor, *form, parts[2]);
    if (parts.size() == 4 && parts[3] == "documents") return web::events_editor::link_submit(app, visitor, *form, parts[2]);
    if (parts.size() == 6 && parts[3] == "documents" && parts[5] == "retirer")
        if (auto id = web::path_id(parts[4])) return web::events_editor::link_remove(app, visitor, parts[2], *id);
    if (parts.size() == 4 && parts[3] == "fichiers")
        return web::events_editor::file_submit(app, req, visitor, *form, parts[2], storage);
    if (parts.size() == 6 && parts[3] == "fichiers" && parts[5] == "retirer")
        if (auto id = web::path_id(parts[4])) return web::events_editor::file_remove(app, visitor, parts[2], *id, storage);
    if (parts.size() == 4 && parts[3] == "dupliquer") return web::events_editor::duplicate_submit(app, visitor, *form, parts[2]);
    if (parts.size() >= 5 && parts[3] == "programme") {
        const long long id = parts.size() >= 6 ? web::path_id(parts[5]).value_or(-1) : 0;
        if (id < 0) return std::nullopt;
        if (parts.size() == 7 && parts[6] == "supprimer" && id > 0)
            if (auto part = programme_part(parts[4]))
                return web::events_removal::removal_submit(app, visitor, parts[2], *part, id);
        if (parts[4] == "creneaux" && parts.size() <= 6) return web::events_editor::slot_submit(app, visitor, *form, parts[2], id);
        if (parts[4] == "interventions" && parts.size() <= 6)
            return web::events_editor::item_submit(app, visitor, *form, parts[2], id);
        if (parts[4] == "interventions" && parts.size() == 7 && parts[6] == "intervenants" && id > 0)
            return web::events_editor::speaker_submit(app, visitor, *form, parts[2], id);
        return std::nullopt;
    }
    if (parts.size() == 4 && parts[3] == "accueil") return web::events_checkin::checkin_submit(app, req, visitor, *form, parts[2]);
    if (parts.size() == 5 && parts[3] == "accueil" && parts[4] == "atelier")
        return web::events_checkin::presence_submit(app, req, visitor, *form, parts[2]);
    if (parts.size() == 4 && parts[3] == "publier") return web::events_admin::publish_submit(app, visitor, *form, parts[2]);
    if (parts.size() == 6 && parts[3] == "ateliers" && parts[5] == "capacite")
        if (auto id = web::path_id(parts[4])) return web::events_admin::capacity_submit(app, req, visitor, *form, parts[2], *id);
    return std::nullopt;
}

// The two real events of seeds 002 and 003, dates moved into the coming months.
Result<std::string> load_demo(store::Database& db, const modules::DemoOptions& options) {
    auto events = services::seed_demo_events(db, services::default_demo_events_path(), options.now_utc);
    if (!events) return events.failure();
    return "Événements de démonstration : " + std::to_string(events->events) + " créés, " +
           std::to_string(events->items) + " interventions, " + std::to_string(events->speakers) + " intervenant·es";
}

}  // namespace

modules::Module module(const files::FileStorage& files) {
    modules::Module m;
    m.name = "events";
    m.pages = [files](const App& app, const Request& req, Visitor& visitor, const FormFields* form) {
        return pages(app, req, visitor, form, files);
    };
    m.admin_pages = [files](const App& app, const Request& req, Visitor& visitor, const FormFields* form) {
        return admin_pages(app, req, visitor, form, files);
    };
    m.api = web::events_api::route;
    m.nav.push_back({20, "Événements", "/evenements"});
    m.jobs.push_back({"event reminders", [](store::Database& db, std::int64_t now, const services::MailContext& mail) {
                          return jobs::queue_event_reminders(db, now, mail);
                      }});
    m.jobs.push_back({"event questionnaire invitations",
                      [](store::Database& db, std::int64_t now, const services::MailContext& mail) {
                          return jobs::queue_questionnaire_invitations(db, now, mail);
                      }});
    m.personal_data.push_back(services::event_personal_data());
    m.report_section = [](soci::session& sql, const modules::ReportPeriod& period) {
        return services::event_report_section(sql, period);
    };
    m.territory_activity = services::event_territory_activity;
    m.demo_content = load_demo;
    return m;
}

}  // namespace ateliers::events
