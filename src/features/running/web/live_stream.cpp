#include "features/running/web/live_stream.hpp"

#include "platform/auth/crypto.hpp"
#include "platform/http/cookies.hpp"
#include "platform/http/paths.hpp"
#include "platform/http/failure_status.hpp"

namespace ateliers::web::live {

namespace {

// The name App uses for the login cookie (web/app.cpp).
const char* session_cookie = "ateliers_session";

}  // namespace

std::optional<LivePath> parse_live_path(const std::string& path) {
    const auto parts = path_segments(path);
    if (parts.size() != 4 || parts[0] != "direct" || parts[1] != "seances") return std::nullopt;
    const auto id = path_id(parts[2]);
    if (!id) return std::nullopt;
    if (parts[3] == "flux") return LivePath{*id, Endpoint::stream};
    if (parts[3] == "etat") return LivePath{*id, Endpoint::state};
    return std::nullopt;
}

StreamAccess authorize_live_request(const App& app, const Request& req, long long session_id) {
    StreamAccess access;
    const auto cookies = parse_cookie_header(req.header("cookie"));
    const auto it = cookies.find(session_cookie);
    const auto user = it == cookies.end() ? std::nullopt : services::user_for_session(app.db(), it->second);
    if (!user) {
        access.status = 401;
        access.message = "Connectez-vous pour suivre la séance.";
        return access;
    }
    auto viewer = services::live_viewer(app.db(), *user, session_id);
    if (!viewer) {
        access.status = http_status(viewer.failure());
        access.message = viewer.failure().message;
        return access;
    }
    access.viewer = viewer.value();
    access.user_id = user->id;
    access.session_hash = crypto::token_hash(it->second);
    return access;
}

}  // namespace ateliers::web::live
