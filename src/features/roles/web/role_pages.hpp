#pragma once
// /admin/roles (the organiser role checked by the platform) and /invitation/TOKEN.
#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web::role_pages {

Response roles_page(const App& app, const Request& req, Visitor& visitor);
// Both first show a confirmation page; the change happens when `confirme` is "oui".
Response grant_submit(const App& app, Visitor& visitor, const FormFields& form);
Response revoke_submit(const App& app, Visitor& visitor, const FormFields& form);
Response invite_submit(const App& app, Visitor& visitor, const FormFields& form);

Response invitation_page(const App& app, Visitor& visitor, const std::string& token);
Response invitation_submit(const App& app, Visitor& visitor, const std::string& token, const FormFields& form);

}  // namespace ateliers::web::role_pages
