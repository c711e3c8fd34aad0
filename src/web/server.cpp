#include "web/server.hpp"

#include "web/forms.hpp"

#include <restinio/all.hpp>
#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdlib>

#include "web/live_hub.hpp"
#include "web/password_lane.hpp"

namespace ateliers::web {

namespace {

using traits = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>;

// Bodies past the 1 MiB form limit still reach the handler (which answers 413 in
// French) up to this hard cap; beyond it the connection is simply closed.
constexpr std::uint64_t hard_body_cap = 8u * 1024 * 1024;

std::string percent_decode(restinio::string_view_t s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string reason_phrase(int status) {
    switch (status) {
        case 200: return "OK";
        case 201: return "Created";
        case 204: return "No Content";
        case 301: return "Moved Permanently";
        case 302: return "Found";
        case 303: return "See Other";
        case 304: return "Not Modified";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 409: return "Conflict";
        case 410: return "Gone";
        case 413: return "Payload Too Large";
        case 422: return "Unprocessable Entity";
        case 429: return "Too Many Requests";
        case 503: return "Service Unavailable";
        default: return status >= 500 ? "Internal Server Error" : "Status";
    }
}

Request to_request(const restinio::request_handle_t& req) {
    Request r;
    const auto method = req->header().method();
    r.method = method == restinio::http_method_get()    ? Method::get
               : method == restinio::http_method_post() ? Method::post
               : method == restinio::http_method_head() ? Method::head
               : method == restinio::http_method_delete() ? Method::del
                                                          : Method::other;
    r.path = percent_decode(req->header().path());
    // Our own parser: RESTinio's rejects the whole query when a value holds an unencoded
    // '/' or '?', which browsers send as is (e.g. ?suivant=/admin). Malformed: treated as absent.
    if (auto query = parse_urlencoded(req->header().query())) r.query = std::move(query.value());
    req->header().for_each_field([&](const restinio::http_header_field_t& f) {
        std::string name = f.name();
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        r.headers.emplace(std::move(name), f.value());
    });
    r.body = req->body();
    // Behind a reverse proxy, the first X-Forwarded-For address is the client's.
    const auto forwarded = r.header("x-forwarded-for");
    r.remote_ip = forwarded.empty() ? req->remote_endpoint().address().to_string()
                                    : forwarded.substr(0, forwarded.find(','));
    return r;
}

// Handlers name the sessions whose live pages must change in this header; it is
// for the hub only and never leaves the server.
constexpr const char* live_changed_header = "X-Live-Changed";

void wake_live_pages(LiveHub& hub, Response& response) {
    auto& headers = response.headers;
    for (auto it = headers.begin(); it != headers.end();) {
        if (it->first != live_changed_header) {
            ++it;
            continue;
        }
        try {
            hub.wake(std::stoll(it->second));
        } catch (const std::exception&) {
            // not an id: nothing to wake
        }
        it = headers.erase(it);
    }
}

LiveHubOptions live_options() {
    LiveHubOptions options;
    if (const char* max = std::getenv("ATELIERS_LIVE_MAX_CONNECTIONS"); max && *max)
        options.max_connections = std::strtoull(max, nullptr, 10);
    if (const char* max = std::getenv("ATELIERS_LIVE_MAX_PER_USER"); max && *max)
        options.max_per_user = std::strtoull(max, nullptr, 10);
    return options;
}

restinio::request_handling_status_t send(const restinio::request_handle_t& req, const Request& request,
                                         Response response, LiveHub& hub) {
    wake_live_pages(hub, response);
    auto builder = req->create_response(restinio::http_status_line_t{
        restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)}, reason_phrase(response.status)});
    builder.append_header(restinio::http_field::content_type, response.content_type);
    for (const auto& [name, value] : response.headers) builder.append_header(name, value);
    // HEAD gets the headers only: a body would break the next response on the connection.
    if (request.method != Method::head) builder.set_body(response.body);
    return builder.done();
}

}  // namespace

int serve_until_signalled(const App& app, const ServerOptions& options) {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    // Blocked here so every server thread inherits the mask and sigwait below receives them.
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    LiveHub hub(app, live_options());
    PasswordLane lane(password_lane_options_from_env());
    auto settings = restinio::server_settings_t<traits>{}
                        .address(options.address)
                        .port(options.port)
                        .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}.max_body_size(hard_body_cap))
                        // Event streams outlive it: every write re-arms it, and the hub
                        // writes a heartbeat at least every 15 s (see live_hub.hpp).
                        .handle_request_timeout(std::chrono::seconds(30))
                        .request_handler([&app, &hub, &lane](const restinio::request_handle_t& req) {
                            auto request = to_request(req);
                            if (auto taken = hub.try_handle(req, request)) return *taken;
                            if (!PasswordLane::takes(request)) return send(req, request, app.handle(request), hub);
                            // Answered later from the lane's thread; RESTinio lets any thread finish a response.
                            auto shared = std::make_shared<Request>(std::move(request));
                            if (lane.try_post([&app, &hub, req, shared] { send(req, *shared, app.handle(*shared), hub); }))
                                return restinio::request_accepted();
                            auto busy = app.error_page(Visitor{}, 503, "Service momentanément surchargé",
                                                       password_lane_overloaded_message);
                            busy.header("Retry-After", "2");
                            return send(req, *shared, std::move(busy), hub);
                        });
    try {
        auto server = restinio::run_async(restinio::own_io_context(), std::move(settings), options.threads);
        hub.start();
        spdlog::info("serving on http://{}:{} with {} threads", options.address, options.port, options.threads);
        int received = 0;
        sigwait(&signals, &received);
        spdlog::info("signal {} received, stopping", received);
        hub.stop();  // ends the open event streams so the server can stop at once
        lane.stop();  // finishes the logins under way while the connections are still open
        server->stop();
        server->wait();
    } catch (const std::exception& e) {
        spdlog::error("server failed: {}", e.what());
        return 1;
    }
    return 0;
}

}  // namespace ateliers::web
