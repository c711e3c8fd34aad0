#pragma once
// The questionnaire after an event, for the person who came:
//   GET  /evenements/SLUG/questionnaire   the form (earlier answers filled in), or why it is not open
//   POST /evenements/SLUG/questionnaire   save; refused answers come back with what was typed
#include <string>

#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web::events_questionnaire {

Response questionnaire_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response questionnaire_submit(const App& app, Visitor& visitor, const FormFields& form, const std::string& slug);

}  // namespace ateliers::web::events_questionnaire
