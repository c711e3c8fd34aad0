#pragma once
// The two live endpoints of a session that the server answers outside App::handle:
//   GET /direct/seances/ID/flux             server-sent events (text/event-stream)
//   GET /direct/seances/ID/etat?depuis=V    long poll: answers when the version passes V
// (without ?depuis, /etat is an ordinary JSON request answered by App). Both are
// authorised here with the same session cookie as the pages.
#include <optional>
#include <string>

#include "features/running/services/live_sessions.hpp"
#include "platform/http/app.hpp"

namespace ateliers::web::live {

enum class Endpoint { stream, state };

struct LivePath {
    long long session_id = 0;
    Endpoint endpoint = Endpoint::stream;
};

std::optional<LivePath> parse_live_path(const std::string& path);

struct StreamAccess {
    int status = 200;     // 401, 403, 404 or 500 when refused
    std::string message;  // French, when refused
    services::LiveViewer viewer;
    long long user_id = 0;
    std::string session_hash;  // of the login cookie: the hub re-checks it before every push
};

StreamAccess authorize_live_request(const App& app, const Request& req, long long session_id);

}  // namespace ateliers::web::live
