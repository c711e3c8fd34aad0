#pragma once
// The organisers' pages of events (under /admin, role already checked): the list, one
// event's registrations with counts per workshop, exports, publication, capacities.
#include <string>

#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web::events_admin {

Response events_page(const App& app, const Request& req, Visitor& visitor);
Response event_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                    const std::string& problem = "");
Response export_download(const App& app, const Request& req, Visitor& visitor, const std::string& slug, bool xlsx);
Response publish_submit(const App& app, Visitor& visitor, const FormFields& form, const std::string& slug);
Response capacity_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                         const std::string& slug, long long item_id);

}  // namespace ateliers::web::events_admin
