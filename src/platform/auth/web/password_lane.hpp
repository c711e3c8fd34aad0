#pragma once
// Requests that run argon2id (log in, sign up, choose a new password) cost ~0.1 s of
// CPU and 64 MiB each, by design. They run here, on a few threads of their own with a
// bounded queue, so that the HTTP threads keep answering every other page, and a burst
// gets a quick 503 instead of piling up.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "platform/http/http.hpp"

namespace ateliers::web {

struct PasswordLaneOptions {
    std::size_t threads = 1;       // ATELIERS_PASSWORD_THREADS
    std::size_t max_waiting = 32;  // ATELIERS_PASSWORD_QUEUE: jobs queued beyond the running ones
};

// Defaults, overridden by the environment variables above.
PasswordLaneOptions password_lane_options_from_env();

class PasswordLane {
public:
    explicit PasswordLane(PasswordLaneOptions options);
    ~PasswordLane();
    PasswordLane(const PasswordLane&) = delete;
    PasswordLane& operator=(const PasswordLane&) = delete;

    // Whether the request hashes or verifies a password (POSTs of those forms).
    static bool takes(const Request& request);

    // Queues the job; false, and nothing queued, when the queue is full.
    bool try_post(std::function<void()> job);

    void stop();  // runs what is queued, then joins; idempotent

private:
    void run();
    PasswordLaneOptions options_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> queue_;
    std::vector<std::thread> threads_;
    std::size_t running_ = 0;
    bool stopping_ = false;
};

inline constexpr const char* password_lane_overloaded_message =
    "Service momentanément surchargé, réessayez dans un instant. Ce que vous avez saisi n’a pas été envoyé : "
    "revenez à la page précédente pour le retrouver.";

}  // namespace ateliers::web
