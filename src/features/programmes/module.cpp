#include "features/programmes/module.hpp"
#include "features/programmes/demo/demo_programmes.hpp"

#include "features/programmes/cli/load_grid_command.hpp"

#include "features/programmes/services/personal_data.hpp"
#include "features/programmes/services/programme_reach.hpp"
#include "features/programmes/services/reminders.hpp"
#include "features/programmes/web/programme_pages.hpp"
#include "features/programmes/web/programmes_api.hpp"
#include "platform/http/paths.hpp"

namespace ateliers::programmes {

namespace {

using web::App;
using web::FormFields;
using web::Request;
using web::Response;
using web::Visitor;

//   GET  /programmes/SLUG                                       the programme; territories' stages for the ANCT
//   GET  /programmes/SLUG/actions.csv|.xlsx                      every territory's actions (ANCT)
//   GET  /programmes/SLUG/territoires/ID/dossier[.pdf|.docx]     the territory's dossier
//   GET  /programmes/SLUG/territoires/ID/plan/actions.csv        its actions, import format
//   GET  /programmes/SLUG/territoires/ID/plan/import        POST import them back (all or nothing)
//   GET  /programmes/SLUG/membres                           POST the members (ANCT): list, invite by e-mail
//   POST /programmes/SLUG/membres/MID/retirer                    revoke a role
//   GET  /programmes/SLUG/territoires/ID                         the territory's workspace
//   GET  /programmes/SLUG/territoires/ID/diagnostic         POST a territory's diagnostic against the grid
//   POST /programmes/SLUG/territoires/ID/notes                   a supervision note
//   GET  /programmes/SLUG/territoires/ID/bilans/N                an annual review: chart, table, adjustments
//   GET  /programmes/SLUG/territoires/ID/bilans/N/cotation  POST the review's rating of the grid
//   POST /programmes/SLUG/territoires/ID/bilans/N/ajustements    an adjustment with its reason
//   GET  /programmes/SLUG/territoires/ID/plan                    the three-year plan
//   POST /programmes/SLUG/territoires/ID/plan/adopter            adopt the draft
//   GET  /programmes/SLUG/territoires/ID/plan/actions/nouvelle   new action form
//   POST /programmes/SLUG/territoires/ID/plan/actions            create an action
//   GET  /programmes/SLUG/territoires/ID/plan/actions/AID        an action and its follow-ups
//   GET  /programmes/SLUG/territoires/ID/plan/actions/AID/modifier POST  edit it
//   POST /programmes/SLUG/territoires/ID/plan/actions/AID/suivi  record a follow-up
//   POST /programmes/SLUG/territoires/ID/plan/actions/AID/projet start or attach its project (flagships)
//   GET  /programmes/SLUG/territoires/ID/preuves/EID             an evidence file of its diagnostic or reviews
std::optional<Response> pages(const App& app, const Request& req, Visitor& visitor, const FormFields* form,
                              const files::FileStorage& storage) {
    namespace p = web::programmes_pages;
    const auto parts = web::path_segments(req.path);
    if (parts.empty() || parts[0] != "programmes") return std::nullopt;
    if (parts.size() == 2 && !form) return p::programme_page(app, req, visitor, parts[1]);
    if (parts.size() == 3 && parts[2] == "actions.csv" && !form) return p::programme_actions_csv(app, req, visitor, parts[1]);
    if (parts.size() == 3 && parts[2] == "actions.xlsx" && !form) return p::programme_actions_xlsx(app, req, visitor, parts[1]);
    if (parts.size() >= 3 && parts[2] == "membres") {
        if (parts.size() == 3) return form ? p::member_invite(app, req, visitor, *form, parts[1]) : p::members_page(app, req, visitor, parts[1]);
        const auto member = parts.size() == 5 ? web::path_id(parts[3]) : std::nullopt;
        if (member && parts[4] == "retirer" && form) return p::member_revoke(app, req, visitor, parts[1], *member);
        return std::nullopt;
    }
    if (parts.size() < 4 || parts[2] != "territoires") return std::nullopt;
    const auto id = web::path_id(parts[3]);
    if (!id) return std::nullopt;
    const auto& slug = parts[1];
    if (parts.size() == 4 && !form) return p::territory_page(app, req, visitor, slug, *id);
    if (parts.size() == 5 && parts[4] == "diagnostic") {
        if (!form) return p::diagnostic_form(app, req, visitor, slug, *id, 0);
        return p::diagnostic_submit(app, req, visitor, *form, slug, *id, 0, storage);
    }
    if (parts.size() == 5 && !form && parts[4] == "dossier") return p::dossier_page(app, req, visitor, slug, *id, "");
    if (parts.size() == 5 && !form && parts[4] == "dossier.pdf") return p::dossier_page(app, req, visitor, slug, *id, "pdf");
    if (parts.size() == 5 && !form && parts[4] == "dossier.docx") return p::dossier_page(app, req, visitor, slug, *id, "docx");
    if (parts.size() == 6 && parts[4] == "preuves" && !form)
        if (auto evidence = web::path_id(parts[5])) return p::evidence_download(app, visitor, storage, slug, *id, *evidence);
    if (parts.size() == 5 && parts[4] == "notes" && form) return p::supervision_note_add(app, req, visitor, *form, slug, *id);
    if (parts.size() >= 6 && parts[4] == "bilans") {
        const auto year = web::path_id(parts[5]);
        if (!year || *year > 10) return std::nullopt;
        const int y = static_cast<int>(*year);
        if (parts.size() == 6 && !form) return p::review_page(app, req, visitor, slug, *id, y);
        if (parts.size() == 7 && parts[6] == "cotation") {
            if (!form) return p::diagnostic_form(app, req, visitor, slug, *id, y);
            return p::diagnostic_submit(app, req, visitor, *form, slug, *id, y, storage);
        }
        if (parts.size() == 7 && parts[6] == "ajustements" && form)
            return p::review_adjustment(app, req, visitor, *form, slug, *id, y);
        return std::nullopt;
    }
    if (parts.size() < 5 || parts[4] != "plan") return std::nullopt;
    if (parts.size() == 5 && !form) return p::plan_page(app, req, visitor, slug, *id);
    if (parts.size() == 6 && parts[5] == "adopter" && form) return p::plan_adopt(app, req, visitor, slug, *id);
    if (parts.size() == 6 && parts[5] == "actions.csv" && !form) return p::territory_actions_csv(app, req, visitor, slug, *id);
    if (parts.size() == 6 && parts[5] == "import")
        return form ? p::plan_import(app, req, visitor, *form, slug, *id) : p::plan_import_page(app, req, visitor, slug, *id);
    if (parts.size() < 6 || parts[5] != "actions") return std::nullopt;
    if (parts.size() == 6 && form) return p::plan_action_create(app, req, visitor, *form, slug, *id);
    if (parts.size() == 7 && parts[6] == "nouvelle" && !form) return p::plan_action_new(app, req, visitor, slug, *id);
    if (parts.size() < 7) return std::nullopt;
    const auto action = web::path_id(parts[6]);
    if (!action) return std::nullopt;
    if (parts.size() == 7 && !form) return p::plan_action_page(app, req, visitor, slug, *id, *action);
    if (parts.size() == 8 && parts[7] == "modifier") {
        if (!form) return p::plan_action_edit(app, req, visitor, slug, *id, *action);
        return p::plan_action_update(app, req, visitor, *form, slug, *id, *action);
    }
    if (parts.size() == 8 && parts[7] == "suivi" && form)
        return p::plan_follow_up(app, req, visitor, *form, slug, *id, *action);
    if (parts.size() == 8 && parts[7] == "projet" && form)
        return p::plan_action_project(app, req, visitor, *form, slug, *id, *action);
    return std::nullopt;
}

// "Territoires d'engagement" with a few territories of the referential, labelled as demo.
Result<std::string> load_demo(store::Database& db, const modules::DemoOptions&) {
    auto programmes = services::seed_demo_programmes(db);
    if (!programmes) return programmes.failure();
    if (programmes->already_there) return std::string("Programme de démonstration : déjà chargé");
    return "Programme de démonstration : " + std::to_string(programmes->territories) +
           " territoires, un diagnostic de " + std::to_string(programmes->answers) + " critères, un plan adopté de " +
           std::to_string(programmes->actions) + " actions et un bilan annuel";
}

}  // namespace

modules::Module module(const files::FileStorage& files) {
    modules::Module m;
    m.name = "programmes";
    m.pages = [files](const App& app, const Request& req, Visitor& visitor, const FormFields* form) {
        return pages(app, req, visitor, form, files);
    };
    m.api = web::programmes_api::route;
    m.jobs.push_back({"programme reminders", [](store::Database& db, std::int64_t now, const services::MailContext& mail) {
                          return services::queue_programme_reminders(db, now, mail);
                      }});
    m.personal_data.push_back(services::programme_personal_data());
    m.report_section = services::programme_report_section;
    m.territory_activity = services::programme_territory_activity;
    m.commands.push_back(load_grid_command());
    m.demo_content = load_demo;
    return m;
}

}  // namespace ateliers::programmes
