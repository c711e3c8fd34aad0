#pragma once
// The platform's own pages: accounts, static pages and files, the collectivités search.
// Each feature module declares its pages in its own web/ folder.
#include <nlohmann/json.hpp>

#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web {

// static_pages.cpp
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

// api/collectivites_api.cpp
Response collectivites_search_api(const App& app, const Request& req);
Response collectivites_search_page(const App& app, const Request& req, Visitor& visitor);

// static_files.cpp
std::optional<Response> static_file(const App& app, const Request& req);

}  // namespace ateliers::web
