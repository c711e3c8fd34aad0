#pragma once
// Keeps the live pages of running sessions up to date: holds the open
// server-sent-event responses (and parked long polls) per session and pushes the
// new state to them as soon as a session's live_states.version grows. Versions are
// read from the database by one poller thread every ~400 ms, so several server
// processes on one PostgreSQL stay in sync; a change made by this process wakes the
// poller at once (wake()). Before every push and heartbeat it checks that the pages'
// login sessions are still open, and closes the streams of those who logged out.
// With server.cpp, the only file including RESTinio.
#include <restinio/all.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "features/running/services/live_sessions.hpp"
#include "platform/http/app.hpp"
#include "platform/http/stream_handler.hpp"

namespace ateliers::web {

struct LiveHubOptions {
    std::size_t max_connections = 2000;             // streams + parked polls; more get 503
    std::size_t max_per_user = 5;                   // streams + parked polls of one account; more get 429
    std::chrono::milliseconds poll_interval{400};   // reading versions from the database
    std::chrono::milliseconds heartbeat{15'000};    // comment lines: proxies and handle_request_timeout (30 s)
    std::chrono::milliseconds long_poll{20'000};    // under the 30 s request timeout
};

class LiveHub : public StreamHandler {
public:
    LiveHub(const App& app, LiveHubOptions options);
    ~LiveHub();
    LiveHub(const LiveHub&) = delete;
    LiveHub& operator=(const LiveHub&) = delete;

    void start() override;
    void stop() override;  // ends every open stream; idempotent

    // Takes /direct/seances/ID/flux and /direct/seances/ID/etat?depuis=V; nullopt for
    // any other request (App handles it).
    std::optional<restinio::request_handling_status_t> try_handle(const restinio::request_handle_t& handle,
                                                                  const Request& request) override;
    // Wakes the sessions a handler named in X-Live-Changed, and removes the header:
    // it is for the hub only and never leaves the server.
    void observe(Response& response) override;

    // Something changed in that session in this process: publish now, not at the next poll.
    void wake(long long session_id);

    std::size_t open_connections() const { return connections_.load(); }

private:
    struct Subscriber;
    struct Waiter;
    struct Channel {
        std::shared_ptr<const services::SessionFeed> feed;
        long long known_version = -1;
        std::vector<std::shared_ptr<Subscriber>> subscribers;
        std::vector<std::shared_ptr<Waiter>> waiters;
    };

    struct Holder {
        long long user_id = 0;
        std::string session_hash;
    };

    restinio::request_handling_status_t open_stream(const restinio::request_handle_t& handle,
                                                    const services::LiveViewer& viewer, const Holder& holder);
    restinio::request_handling_status_t long_poll(const restinio::request_handle_t& handle,
                                                  const services::LiveViewer& viewer, const Holder& holder,
                                                  long long since);
    // Per-account places (live_hub_access.cpp). reserve takes the hub's lock;
    // release_locked expects it held.
    bool reserve(long long user_id);
    void release_locked(long long user_id);
    // Streams and polls whose login session has ended: closed or answered 401.
    void send_off_logged_out(std::vector<std::shared_ptr<Subscriber>>& subscribers,
                             std::vector<std::shared_ptr<Waiter>>& waiters);
    void run();
    void poll_once();
    void publish(long long session_id, std::shared_ptr<const services::SessionFeed> feed);
    void heartbeat();
    void expire_waiters(bool all);
    void drop_dead();
    void answer(Waiter& waiter, const services::SessionFeed& feed);

    const App& app_;
    LiveHubOptions options_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::map<long long, Channel> channels_;
    std::set<long long> woken_;
    std::map<long long, std::size_t> per_user_;
    bool stopping_ = false;
    std::atomic<std::size_t> connections_{0};
    std::thread poller_;
    std::chrono::steady_clock::time_point last_heartbeat_ = std::chrono::steady_clock::now();
};

}  // namespace ateliers::web
