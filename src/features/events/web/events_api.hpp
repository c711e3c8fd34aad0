#pragma once
// The events' JSON API under /api/v1/events/… (registration, used by bench/events.sh).
#include <optional>

#include "platform/auth/accounts.hpp"
#include "platform/http/app.hpp"

namespace ateliers::web::events_api {

std::optional<Response> route(const App& app, const Request& req, const std::optional<services::CurrentUser>& cookie_user);

}  // namespace ateliers::web::events_api
