#pragma once
// Every page and endpoint, grouped by audience (public/, espace/, api/).
#include <nlohmann/json.hpp>

#include "web/app.hpp"
#include "web/forms.hpp"

namespace ateliers::web {

// public/home.cpp
Response home_page(const App& app, const Request& req, Visitor& visitor);
Response static_page(const App& app, const Visitor& visitor, const std::string& template_name,
                     const std::string& title);

// public/sign_up_pages.cpp
Response sign_up_form(const App& app, const Request& req, Visitor& visitor);
Response sign_up_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form);
Response sign_up_sent(const App& app, const Request& req, Visitor& visitor);
Response confirm_email_link(const App& app, const Request& req, Visitor& visitor);
Response resend_confirmation_form(const App& app, const Request& req, Visitor& visitor);
Response resend_confirmation_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form);

// public/login_pages.cpp
// Logged in: the session cookie, a fresh CSRF token, then on to `location`.
Response start_session(const Visitor& visitor, const std::string& session_token, const std::string& location);
Response login_form(const App& app, const Request& req, Visitor& visitor);
Response login_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form);
Response logout_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form);
Response forgot_password_form(const App& app, const Request& req, Visitor& visitor);
Response forgot_password_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form);
Response new_password_form(const App& app, const Request& req, Visitor& visitor);
Response new_password_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form);

// public/cycle_pages.cpp
Response catalogue_page(const App& app, const Request& req, Visitor& visitor);
Response cycle_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
// A draft as it will look once published (the caller checks the organiser role).
Response cycle_preview_page(const App& app, Visitor& visitor, const std::string& slug);

// public/registration_pages.cpp
Response registration_form(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response registration_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                             const std::string& slug);
// "Me prévenir si une place se libère pour ma collectivité"
Response seat_alert_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                           const std::string& slug);

// public/calendar_files.cpp
Response cycle_calendar_file(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response personal_calendar_file(const App& app, const Request& req, Visitor& visitor, const std::string& token);

// espace/registration_actions.cpp
nlohmann::json my_registrations_view(const App& app, long long user_id);
Response situation_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form, long long id);
Response cancel_confirm_page(const App& app, const Request& req, Visitor& visitor, long long id);
Response cancel_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form, long long id);
// Moves a pending application one place up among the person's choices in its round.
Response choice_up_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form, long long id);

// espace/profile_pages.cpp
Response my_space(const App& app, const Request& req, Visitor& visitor);
Response profile_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form);
Response calendar_address_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form);

// api/collectivites_api.cpp
Response collectivites_search_api(const App& app, const Request& req);
Response collectivites_search_page(const App& app, const Request& req, Visitor& visitor);

// static_files.cpp
std::optional<Response> static_file(const App& app, const Request& req);

}  // namespace ateliers::web
