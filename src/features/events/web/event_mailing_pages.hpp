#pragma once
// The organisers' e-mail to an event's registrants (under /admin, role already checked).
#include <string>

#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web::events_mailing {

Response mailing_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response mailing_submit(const App& app, Visitor& visitor, const FormFields& form, const std::string& slug);

}  // namespace ateliers::web::events_mailing
