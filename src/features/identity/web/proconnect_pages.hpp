#pragma once
// The ProConnect pages: the button on the login page, the start of the flow, the
// provider's return, and where logout sends the browser.
#include <optional>
#include <string>

#include "features/identity/domain/proconnect_rules.hpp"
#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web::proconnect_pages {

std::string sign_in_button(const App& app, const Visitor& visitor, const std::string& next);
Response start(const App& app, const Request& req, Visitor& visitor, const identity::ProConnectSettings& settings);
Response callback(const App& app, const Request& req, Visitor& visitor, const identity::ProConnectSettings& settings);
std::string logout_location(const App& app, const Visitor& visitor, const identity::ProConnectSettings& settings);

}  // namespace ateliers::web::proconnect_pages
