#pragma once
// The HTTP server (RESTinio). Only server.cpp and the stream handlers include RESTinio:
// the modules' event streams (stream_handler.hpp) are answered asynchronously, every other
// request synchronously by App::handle.
#include <string>

#include "platform/http/app.hpp"
#include "platform/http/client_address.hpp"

namespace ateliers::web {

struct ServerOptions {
    std::string address = "127.0.0.1";
    unsigned short port = 8080;
    std::size_t threads = 2;
    // Reverse proxies whose X-Forwarded-For is believed (see client_address.hpp).
    TrustedProxies trusted_proxies;
};

// Serves until SIGINT or SIGTERM. Returns a process exit code.
int serve_until_signalled(const App& app, const ServerOptions& options);

}  // namespace ateliers::web
