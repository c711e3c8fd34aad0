#pragma once
// JSON API of programmes (docs/api.md, docs/openapi.json):
//   GET /api/v1/programmes          every programme (public)
//   GET /api/v1/programmes/{slug}   one programme with its territories; the caller (token or
//                                   session, optional) also learns which workspaces they may
//                                   open, and the ANCT each territory's stage.
#include <optional>

#include "platform/auth/accounts.hpp"
#include "platform/http/app.hpp"

namespace ateliers::web::programmes_api {

std::optional<Response> route(const App& app, const Request& req, const std::optional<services::CurrentUser>& cookie_user);

}  // namespace ateliers::web::programmes_api
