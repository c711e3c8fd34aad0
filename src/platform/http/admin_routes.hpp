#pragma once
// The organisers' back office, under /admin: the platform checks the role ("organiser"
// or "admin") once, serves the audit journal (/admin/journal), and hands every other
// path to the modules (each declares its own in its module.cpp).
#include <nlohmann/json.hpp>

#include <optional>

#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web {

// Every /admin… route: the organiser role checked once, then the platform's pages and
// each module's; nullopt when the path is not an admin path. `form` is null for GET.
std::optional<Response> admin_route(const App& app, const Request& req, Visitor& visitor, const FormFields* form);

namespace admin {

// platform/audit/web/journal_page.cpp
Response journal_page(const App& app, const Request& req, Visitor& visitor);

// Shared by the modules' admin pages (admin_routes.cpp).
std::string date_time_text(std::int64_t utc_seconds);  // "jeudi 14 janvier 2027 à 9 h 30"
// An empty string is true for mustache sections: null (false) instead, for {{#x}}…{{/x}}.
nlohmann::json text_or_null(const std::string& s);
Response service_error(const App& app, const Visitor& visitor, const Failure& failure);

}  // namespace admin

}  // namespace ateliers::web
