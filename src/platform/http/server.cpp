#include "platform/http/server.hpp"

#include "platform/http/forms.hpp"

#include <restinio/all.hpp>
#include <spdlog/spdlog.h>

#include <csignal>
#include <optional>
#include <cstdlib>

#include "platform/http/stream_handler.hpp"
#include "platform/modules/module.hpp"
#include "platform/auth/web/password_lane.hpp"

namespace ateliers::web {

namespace {

using traits = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>;

// Bodies past the form limits (1 MiB, 24 MiB for a form with a file: multipart_form.hpp)
// still reach the handler (which answers 413 in French) up to this hard cap; beyond it
// the connection is simply closed.
constexpr std::uint64_t hard_body_cap = 32u * 1024 * 1024;

// Request line and headers: past these limits the request gets a 414 or 431 in French.
// HTTP parsing fails (and the connection is closed without an answer) only past
// hard_head_cap, so that everything in between reaches the handler and is answered.
constexpr std::size_t max_target_bytes = 8 * 1024;
constexpr std::size_t max_field_bytes = 8 * 1024;
constexpr std::size_t max_head_bytes = 32 * 1024;
constexpr std::uint32_t hard_head_cap = 256 * 1024;

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
        case 414: return "URI Too Long";
        case 422: return "Unprocessable Entity";
        case 429: return "Too Many Requests";
        case 431: return "Request Header Fields Too Large";
        case 503: return "Service Unavailable";
        default: return status >= 500 ? "Internal Server Error" : "Status";
    }
}

// An over-long request line or header block, answered before anything reads it.
std::optional<Response> oversized(const restinio::request_handle_t& req) {
    if (req->header().request_target().size() > max_target_bytes)
        return plain_text(414, "Adresse trop longue : le serveur n'accepte pas d'adresse de plus de 8 Kio. "
                               "Vérifiez le lien suivi.");
    std::size_t total = req->header().request_target().size();
    bool field_too_long = false;
    req->header().for_each_field([&](const restinio::http_header_field_t& f) {
        const auto size = f.name().size() + f.value().size() + 4;
        field_too_long = field_too_long || size > max_field_bytes;
        total += size;
    });
    if (field_too_long || total > max_head_bytes)
        return plain_text(431, "En-têtes de requête trop volumineux : supprimez les cookies de ce site dans votre "
                               "navigateur, puis réessayez.");
    return std::nullopt;
}

Request to_request(const restinio::request_handle_t& req, const TrustedProxies& trusted) {
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
        // Several X-Forwarded-For lines form one chain; keeping only the first would let
        // a client's own line hide the one our proxy appended.
        if (name == "x-forwarded-for" && r.headers.count(name)) r.headers[name] += ", " + f.value();
        else r.headers.emplace(std::move(name), f.value());
    });
    r.body = req->body();
    const auto peer = req->remote_endpoint().address().to_string();
    r.remote_ip = client_address(peer, r.header("x-forwarded-for"), trusted);
    // Only our proxy may say the visitor came over HTTPS (it decides the cookies' Secure flag).
    if (!trusted.contains(peer)) r.headers.erase("x-forwarded-proto");
    return r;
}

// A response header holding a control byte would let whoever chose its value (a
// query parameter, a file name) write headers of their own: never send one.
std::optional<std::string> unsafe_header(const Response& response) {
    if (!is_safe_header("Content-Type", response.content_type)) return std::string("Content-Type");
    for (const auto& [name, value] : response.headers)
        if (!is_safe_header(name, value)) return is_safe_header(name, "") ? name : std::string("(unreadable name)");
    return std::nullopt;
}

using StreamHandlers = std::vector<std::unique_ptr<StreamHandler>>;

// Writes the response; the target path is only for the log.
restinio::request_handling_status_t send(const restinio::request_handle_t& req, const std::string& path,
                                         Response response, const StreamHandlers& streams) {
    for (const auto& stream : streams) stream->observe(response);
    if (const auto bad = unsafe_header(response)) {
        spdlog::error("{}: header {} holds a control byte; answered 500 instead", path, *bad);
        response = plain_text(500, "Erreur technique : la réponse n'a pas pu être envoyée. "
                                   "Revenez à l'accueil et réessayez.");
    }
    auto builder = req->create_response(restinio::http_status_line_t{
        restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)}, reason_phrase(response.status)});
    builder.append_header(restinio::http_field::content_type, response.content_type);
    for (const auto& [name, value] : response.headers) builder.append_header(name, value);
    // HEAD gets the headers only: a body would break the next response on the connection.
    if (req->header().method() != restinio::http_method_head()) builder.set_body(response.body);
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

    // The parser's own cap (80 KiB by default) would close the connection before our
    // 414/431 answers; this setting is process-wide in http_parser.
    http_parser_set_max_header_size(hard_head_cap);
    StreamHandlers streams;
    for (const auto& module : app.modules().modules())
        if (module.streams) streams.push_back(module.streams(app));
    PasswordLane lane(password_lane_options_from_env());
    auto settings = restinio::server_settings_t<traits>{}
                        .address(options.address)
                        .port(options.port)
                        .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}.max_body_size(hard_body_cap))
                        // Event streams outlive it: every write re-arms it, and the stream
                        // handlers write a heartbeat well within it (the live hub: every 15 s).
                        .handle_request_timeout(std::chrono::seconds(30))
                        .request_handler([&app, &streams, &lane, &options](const restinio::request_handle_t& req) {
                            if (auto refused = oversized(req)) return send(req, {}, std::move(*refused), streams);
                            auto request = to_request(req, options.trusted_proxies);
                            for (const auto& stream : streams)
                                if (auto taken = stream->try_handle(req, request)) return *taken;
                            if (!PasswordLane::takes(request)) return send(req, request.path, app.handle(request), streams);
                            // Answered later from the lane's thread; RESTinio lets any thread finish a response.
                            auto shared = std::make_shared<Request>(std::move(request));
                            if (lane.try_post([&app, &streams, req, shared] { send(req, shared->path, app.handle(*shared), streams); }))
                                return restinio::request_accepted();
                            auto busy = app.error_page(Visitor{}, 503, "Service momentanément surchargé",
                                                       password_lane_overloaded_message);
                            busy.header("Retry-After", "2");
                            return send(req, shared->path, std::move(busy), streams);
                        });
    try {
        auto server = restinio::run_async(restinio::own_io_context(), std::move(settings), options.threads);
        for (const auto& stream : streams) stream->start();
        spdlog::info("serving on http://{}:{} with {} threads", options.address, options.port, options.threads);
        int received = 0;
        sigwait(&signals, &received);
        spdlog::info("signal {} received, stopping", received);
        for (const auto& stream : streams) stream->stop();  // ends the open event streams so the server can stop at once
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
