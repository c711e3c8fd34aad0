#pragma once
// /admin/collectivites: registrations and how sure their collectivité is; organisers
// confirm or contest a declared one.
#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web::collectivite_pages {

Response list_page(const App& app, const Request& req, Visitor& visitor);
// decision: "confirmer" or "contester".
Response review_submit(const App& app, const Request& req, Visitor& visitor, const std::string& registration_id,
                       const std::string& decision);

}  // namespace ateliers::web::collectivite_pages
