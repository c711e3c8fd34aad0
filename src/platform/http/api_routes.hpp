#pragma once
// The JSON API under /api/v1 (documented in docs/api.md).
//
// Public:        GET  /api/v1/cycles, GET /api/v1/cycles/{slug}
// Bearer token:  POST /api/v1/cycles/{slug}/registrations
//                POST /api/v1/registrations/{id}/cancel (and DELETE /api/v1/registrations/{id})
//                GET  /api/v1/registrations/{id}, GET /api/v1/me, GET /api/v1/me/registrations
// Organisers:    GET  /api/v1/cycles/{slug}/registrations
// Programmes:    GET  /api/v1/programmes, GET /api/v1/programmes/{slug} (more for members)
// Projects:      GET  /api/v1/projects, GET /api/v1/projects/{id} (token or session)
// The document:  GET  /api/v1/openapi.json (docs/openapi.json, the OpenAPI 3.1 description)
//
// Writes authenticate by `Authorization: Bearer <token>` only (tokens come from
// `ateliers token create`); they are therefore exempt from the form CSRF check,
// and a cookie session never authorises them. Reads may also use the cookie session.
#include <functional>
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "platform/auth/accounts.hpp"
#include "platform/http/app.hpp"

namespace ateliers::web {

// Every /api/v1/… route except /api/v1/collectivites; nullopt when not an API path.
std::optional<Response> api_route(const App& app, const Request& req, const std::optional<services::CurrentUser>& cookie_user);

namespace api {

// {"error": message, "fields": {...}} with the status; `fields` is always present.
Response error(int status, const std::string& message, const std::map<std::string, std::string>& fields = {});
Response from_failure(const Failure& failure);
Response json(int status, const nlohmann::ordered_json& body);

Response method_not_allowed(const char* allow);
Response not_found();

enum class Verb { read, write, remove, other };
Verb verb_of(const Request& req);

// Runs `handler` as the caller: bearer token first; without an Authorization header,
// reads (cookie_allowed) may use the cookie session. Writes never do: they are not
// protected by the form CSRF token. Otherwise the 401 answer.
Response with_caller(const App& app, const Request& req, const std::optional<services::CurrentUser>& cookie_user,
                     bool cookie_allowed, const std::function<Response(const services::CurrentUser&)>& handler);

// Runs `handler` with the caller when there is one: a bearer token when sent (a bad one
// gets the 401 answer), else the cookie session, else nobody (null). For public reads
// that show more to some people.
Response with_optional_caller(const App& app, const Request& req, const std::optional<services::CurrentUser>& cookie_user,
                              const std::function<Response(const services::CurrentUser*)>& handler);

}  // namespace api

}  // namespace ateliers::web
