#pragma once
// The events' public pages: the list, one event with its programme, its .ics, the
// registration form with one workshop choice per slot, changing choices, cancelling.
#include <string>

#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web::events_pages {

// event_list_pages.cpp
Response list_page(const App& app, const Request& req, Visitor& visitor);
Response event_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response programme_ics(const App& app, const std::string& slug);
//   GET /evenements/SLUG/programme/ID.ics   one item of the programme
Response item_ics(const App& app, const std::string& slug, const std::string& file);

// event_registration_pages.cpp
Response registration_form(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response registration_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                              const std::string& slug);
Response choices_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                        const std::string& slug);
Response cancel_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                       const std::string& slug);

}  // namespace ateliers::web::events_pages
