#pragma once
// JSON API of territorial projects (docs/api.md, docs/openapi.json), token or session:
//   GET /api/v1/projects        the projects the caller may see, with their stages
//   GET /api/v1/projects/{id}   one project: members, the three deliverables' states
// Who sees what is the project pages' rule (projects/domain/project_access.hpp).
#include <optional>

#include "platform/auth/accounts.hpp"
#include "platform/http/app.hpp"

namespace ateliers::web::projects_api {

std::optional<Response> route(const App& app, const Request& req, const std::optional<services::CurrentUser>& cookie_user);

}  // namespace ateliers::web::projects_api
