#pragma once
// What a feature module offers the platform. The platform (HTTP app, outbox worker,
// server) knows modules only through this struct: adding a kind of work means writing
// a module.cpp that fills one in, and listing it in cli/modules.cpp.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "platform/auth/accounts.hpp"
#include "platform/core/result.hpp"
#include "platform/http/forms.hpp"
#include "platform/http/http.hpp"
#include "platform/mail/outbox.hpp"
#include "platform/mail/periodic_job.hpp"
#include "platform/core/reach.hpp"
#include "platform/privacy/personal_data.hpp"
#include "platform/core/cli_command.hpp"
#include "platform/store/database.hpp"

namespace ateliers::web {
class App;
struct Visitor;
class StreamHandler;
}  // namespace ateliers::web

namespace ateliers::modules {

// Answers the paths the module owns, nullopt for any other. `form` is null for GET and
// HEAD; for POST it holds the fields, the CSRF token already checked.
using PageRoutes = std::function<std::optional<web::Response>(const web::App&, const web::Request&, web::Visitor&,
                                                              const web::FormFields*)>;
// Under /api/v1: JSON in and out, the caller's cookie session if any (writes use tokens).
using ApiRoutes = std::function<std::optional<web::Response>(const web::App&, const web::Request&,
                                                             const std::optional<services::CurrentUser>&)>;

// A block of the personal space (/espace): the key its HTML takes in the page's view.
struct SpaceSection {
    std::string key;
    std::function<std::string(const web::App&, const web::Visitor&)> html;
};

// A module's part of the agency report for a period (run in the report's session).
using ReportSectionSource = std::function<ReportSection(soci::session&, const ReportPeriod&)>;
// Every participation of the given collectivités (referential ids), in any order.
using TerritoryActivitySource =
    std::function<std::vector<TerritoryParticipation>(soci::session&, const std::vector<std::string>& collectivite_ids)>;

// What `ateliers seed-demo` asks of every module, in registry order (cycles first: the
// activity of the running module needs their cycles).
struct DemoOptions {
    std::int64_t now_utc = 0;
    std::string cycles_file;  // another file of demonstration cycles; empty: the shipped one
    bool activity = false;    // also fictitious people, applications and a finished cycle
};
// Loads the module's demonstration content, idempotent; says what it did, in French, in
// one line (empty: nothing to say).
using DemoContent = std::function<Result<std::string>(store::Database&, const DemoOptions&)>;

// An entry of the site's main menu.
struct NavEntry {
    enum class Audience { everyone, signed_in, facilitators, organisers };
    int position;  // entries of every module are shown by position (Accueil is 0)
    std::string label;
    std::string href;
    Audience audience = Audience::everyone;
};

struct Module {
    std::string name;
    PageRoutes pages;        // public and signed-in pages
    PageRoutes admin_pages;  // under /admin: the platform has checked the organiser role
    ApiRoutes api;
    std::vector<jobs::PeriodicJob> jobs;  // run by the outbox worker
    std::vector<SpaceSection> space_sections;
    // What the module holds about a person ("Mes données") and how it forgets it.
    std::vector<privacy::PersonalDataSource> personal_data;
    // Its part of the agency report (/admin/rapports) for a period, as data; empty when
    // the module has no work of its own to report.
    ReportSectionSource report_section;
    // What the people of some collectivités did in the module's offers (/territoires/CODE).
    TerritoryActivitySource territory_activity;
    std::vector<NavEntry> nav;
    // Long-lived answers (event streams) taken over from the server before the app.
    std::function<std::unique_ptr<web::StreamHandler>(const web::App&)> streams;
    // GET paths whose anonymous rendering is the same for every visitor: the app serves
    // them from its short public-page cache (docs/architecture.md, "How a request flows").
    std::function<bool(const std::string& path)> shared_public_page;
    std::vector<CliCommand> commands;  // sub-commands of the `ateliers` program
    DemoContent demo_content;          // what `ateliers seed-demo` loads for the module
    // Other ways to sign in (ProConnect): HTML shown on the login page under the password
    // form; `next` is the local page to return to. Empty when the module has none to offer.
    std::function<std::string(const web::App&, const web::Visitor&, const std::string& next)> sign_in_option;
    // Asked when a person logs out, before the session ends: where to send the browser
    // instead of the home page (an identity provider's logout), or empty.
    std::function<std::string(const web::App&, const web::Visitor&)> sign_out_redirect;
};

// The modules of one installation, in the order their routes are tried.
class Registry {
public:
    Registry& add(Module module) {
        modules_.push_back(std::move(module));
        return *this;
    }
    const std::vector<Module>& modules() const { return modules_; }

private:
    std::vector<Module> modules_;
};

}  // namespace ateliers::modules
