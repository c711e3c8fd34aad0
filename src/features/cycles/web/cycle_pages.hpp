#pragma once
// The cycles module's pages: the home page and catalogue, a cycle's page and calendar
// files, the organisers' cycle forms and messages, and the JSON API's cycle endpoints.
#include <nlohmann/json.hpp>

#include "features/cycles/domain/cycle_status.hpp"
#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web {

// home.cpp
Response home_page(const App& app, const Request& req, Visitor& visitor);

// cycle_public_pages.cpp
Response catalogue_page(const App& app, const Request& req, Visitor& visitor);
Response cycle_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
// A draft as it will look once published (the caller checks the organiser role).
Response cycle_preview_page(const App& app, Visitor& visitor, const std::string& slug);

// calendar_files.cpp
Response cycle_calendar_file(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response personal_calendar_file(const App& app, const Request& req, Visitor& visitor, const std::string& token);

namespace admin {

// cycle_admin_pages.cpp (home_page: /admin, every cycle by status)
Response home_page(const App& app, const Request& req, Visitor& visitor);
Response new_cycle_form(const App& app, const Request& req, Visitor& visitor);
Response create_cycle_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form);
Response edit_cycle_form(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response update_cycle_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                             const std::string& slug);
Response cycle_status_submit(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                             const std::string& action);

// message_pages.cpp
Response message_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response message_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                        const std::string& slug);

nlohmann::json status_badge(CycleStatus cycle_status);
// For rows that carry the stored code (reports).
inline nlohmann::json status_badge(const std::string& code) { return status_badge(cycle_status_or_draft(code)); }

}  // namespace admin

namespace api {

// cycles_api.cpp
Response list_cycles(const App& app, const Request& req);
Response get_cycle(const App& app, const std::string& slug);
}  // namespace api

}  // namespace ateliers::web
