#pragma once
// The pages under /projets (signed-in people only; each page checks the viewer's rights
// through the services).
#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web::project_pages {

Response list_page(const App& app, const Request& req, Visitor& visitor);
Response create_submit(const App& app, Visitor& visitor, const FormFields& form);
Response project_page(const App& app, const Request& req, Visitor& visitor, long long id);
Response member_submit(const App& app, Visitor& visitor, const FormFields& form, long long id);

Response deliverable_page(const App& app, const Request& req, Visitor& visitor, long long id, int number);
Response answer_submit(const App& app, Visitor& visitor, const FormFields& form, long long id, int number, long long question_id);
Response submit_submit(const App& app, Visitor& visitor, long long id, int number);
Response review_submit(const App& app, Visitor& visitor, const FormFields& form, long long id, int number);
Response compare_page(const App& app, const Request& req, Visitor& visitor, long long id, int number);

}  // namespace ateliers::web::project_pages
