#pragma once
// A module's long-lived answers (the live pages' event streams and long polls): the
// server offers each request to the stream handlers before the app, and shows them each
// response before it leaves, so a handler can learn from it what changed.
#include <restinio/all.hpp>

#include <optional>

#include "platform/http/http.hpp"

namespace ateliers::web {

class StreamHandler {
public:
    virtual ~StreamHandler() = default;
    virtual void start() = 0;
    virtual void stop() = 0;  // ends every open stream; idempotent
    // Takes the request over, or nullopt to leave it to the app.
    virtual std::optional<restinio::request_handling_status_t> try_handle(const restinio::request_handle_t& handle,
                                                                          const Request& request) = 0;
    // Sees each response before it is sent; may remove headers meant for it alone.
    virtual void observe(Response& response) = 0;
};

}  // namespace ateliers::web
