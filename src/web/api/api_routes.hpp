#pragma once
// The JSON API under /api/v1 (documented in docs/api.md).
//
// Public:        GET  /api/v1/cycles, GET /api/v1/cycles/{slug}
// Bearer token:  POST /api/v1/cycles/{slug}/registrations
//                POST /api/v1/registrations/{id}/cancel (and DELETE /api/v1/registrations/{id})
//                GET  /api/v1/registrations/{id}, GET /api/v1/me, GET /api/v1/me/registrations
// Organisers:    GET  /api/v1/cycles/{slug}/registrations
//
// Writes authenticate by `Authorization: Bearer <token>` only (tokens come from
// `ateliers token create`); they are therefore exempt from the form CSRF check,
// and a cookie session never authorises them. Reads may also use the cookie session.
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "services/accounts.hpp"
#include "web/app.hpp"

namespace ateliers::web {

// Every /api/v1/… route except /api/v1/collectivites; nullopt when not an API path.
std::optional<Response> api_route(const App& app, const Request& req, const std::optional<services::CurrentUser>& cookie_user);

namespace api {

// {"error": message, "fields": {...}} with the status; `fields` is always present.
Response error(int status, const std::string& message, const std::map<std::string, std::string>& fields = {});
Response from_failure(const Failure& failure);
Response json(int status, const nlohmann::ordered_json& body);

// Handlers, by file. The caller has been authenticated as the route requires.
// cycles_api.cpp
Response list_cycles(const App& app, const Request& req);
Response get_cycle(const App& app, const std::string& slug);
Response cycle_registrations(const App& app, const Request& req, const services::CurrentUser& user,
                             const std::string& slug);
// registrations_api.cpp
Response create_registration(const App& app, const Request& req, const services::CurrentUser& user,
                             const std::string& slug);
Response cancel_registration(const App& app, const services::CurrentUser& user, long long id);
Response get_registration(const App& app, const services::CurrentUser& user, long long id);
Response my_registrations(const App& app, const services::CurrentUser& user);
Response me(const App& app, const services::CurrentUser& user);

}  // namespace api

}  // namespace ateliers::web
