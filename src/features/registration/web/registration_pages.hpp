#pragma once
// The registration module's pages: the registration form and seat alerts, the personal
// space (/espace) with its registrations, the organisers' decisions and exports, and
// the JSON API's registration endpoints.
#include <nlohmann/json.hpp>

#include "platform/auth/accounts.hpp"
#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web {

// registration_form_pages.cpp
Response registration_form(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response registration_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                             const std::string& slug);
// "Me prévenir si une place se libère pour ma collectivité"
Response seat_alert_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                           const std::string& slug);

// registration_actions.cpp
nlohmann::json my_registrations_view(const App& app, long long user_id);
Response situation_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form, long long id);
Response cancel_confirm_page(const App& app, const Request& req, Visitor& visitor, long long id);
Response cancel_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form, long long id);
// Moves a pending application one place up among the person's choices in its round.
Response choice_up_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form, long long id);

// my_space_pages.cpp
Response my_space(const App& app, const Request& req, Visitor& visitor);
Response profile_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form);
Response calendar_address_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form);

namespace admin {

// registration_admin_pages.cpp
Response registrations_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response decision_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                         const std::string& slug, long long registration_id, const std::string& action);
Response export_download(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                         const std::string& format);

}  // namespace admin

namespace api {

// cycle_registrations_api.cpp
Response cycle_registrations(const App& app, const Request& req, const services::CurrentUser& user,
                             const std::string& slug);

// registrations_api.cpp
Response create_registration(const App& app, const Request& req, const services::CurrentUser& user,
                             const std::string& slug);
Response cancel_registration(const App& app, const services::CurrentUser& user, long long id);
Response get_registration(const App& app, const services::CurrentUser& user, long long id);
Response my_registrations(const App& app, const services::CurrentUser& user);
Response me(const App& app, const services::CurrentUser& user);

}  // namespace api

namespace admin {
// registration_form_pages.cpp: an organiser registers someone on their behalf.
Response on_behalf_form(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response on_behalf_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                          const std::string& slug);
// registration_move_pages.cpp: move a registration to another cycle.
Response move_form(const App& app, const Request& req, Visitor& visitor, const std::string& slug, long long id);
Response move_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form, const std::string& slug,
                     long long id);
}  // namespace admin

}  // namespace ateliers::web
