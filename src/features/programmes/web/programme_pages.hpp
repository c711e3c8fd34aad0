#pragma once
// The programmes' pages: the programme (public part and, for the ANCT, each territory's
// stage) and a territory's diagnostic form, one fieldset per family of the grid.
#include <string>

#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web::programmes_pages {

// programme_pages.cpp
Response programme_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug);

// diagnostic_pages.cpp
Response diagnostic_form(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                         long long territory_id);
Response diagnostic_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                           const std::string& slug, long long territory_id);

}  // namespace ateliers::web::programmes_pages
