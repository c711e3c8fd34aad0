#pragma once
// The hub's open pages, shared by live_hub.cpp and live_hub_access.cpp only.
#include <restinio/all.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <string>

#include "features/running/web/live_view.hpp"
#include "features/running/web/live_hub.hpp"

namespace ateliers::web::hub_detail {

restinio::http_status_line_t status_line(int status);

restinio::request_handling_status_t refuse(const restinio::request_handle_t& handle, int status,
                                           const std::string& message);

}  // namespace ateliers::web::hub_detail

namespace ateliers::web {

// One open text/event-stream response. Its builder is not thread-safe: every write
// takes the mutex; RESTinio then hands the bytes to the connection's own executor.
struct LiveHub::Subscriber {
    services::LiveViewer viewer;
    Holder holder;
    std::mutex mutex;
    std::optional<restinio::response_builder_t<restinio::chunked_output_t>> out;
    long long sent_version = -1;
    std::atomic<bool> dead{false};

    void write(std::string text, const std::shared_ptr<Subscriber>& self) {
        if (dead || !out) return;
        out->append_chunk(std::move(text));
        // A failed write means the page went away (closed tab, lost network).
        out->flush([weak = std::weak_ptr<Subscriber>(self)](const restinio::asio_ns::error_code& ec) {
            if (!ec) return;
            if (auto s = weak.lock()) s->dead = true;
        });
    }

    void send_state(const services::SessionFeed& feed, const std::shared_ptr<Subscriber>& self) {
        std::lock_guard lock(mutex);
        if (feed.version <= sent_version) return;  // never an older state after a newer one
        sent_version = feed.version;
        write(live::state_event(live::viewer_state(feed, viewer, services::now_utc_millis())), self);
    }

    // Ends the response after a last event naming the reason; drop_dead then frees the place.
    void close(const std::string& reason, const std::shared_ptr<Subscriber>& self) {
        std::lock_guard lock(mutex);
        write("event: fin\ndata: {\"raison\":\"" + reason + "\"}\n\n", self);
        if (out && !dead) out->done();
        dead = true;
    }
};

// A parked long poll: answered once, when the version passes `since` or at the deadline.
struct LiveHub::Waiter {
    services::LiveViewer viewer;
    Holder holder;
    long long since = 0;
    std::chrono::steady_clock::time_point deadline;
    restinio::request_handle_t handle;
};

}  // namespace ateliers::web
