#include "platform/auth/web/password_lane.hpp"

#include <spdlog/spdlog.h>

#include <cstdlib>

namespace ateliers::web {

namespace {

std::size_t env_count(const char* name, std::size_t fallback, std::size_t minimum) {
    const char* text = std::getenv(name);
    if (!text || !*text) return fallback;
    char* end = nullptr;
    const auto value = std::strtoull(text, &end, 10);
    if (*end != '\0' || value < minimum) {
        spdlog::warn("{}={} ignored: a whole number of at least {} is expected", name, text, minimum);
        return fallback;
    }
    return static_cast<std::size_t>(value);
}

}  // namespace

PasswordLaneOptions password_lane_options_from_env() {
    PasswordLaneOptions options;
    // Half the cores: the other half keeps serving pages while logins are hashed.
    const auto cores = std::max(1u, std::thread::hardware_concurrency());
    options.threads = env_count("ATELIERS_PASSWORD_THREADS", std::max(1u, cores / 2), 1);
    options.max_waiting = env_count("ATELIERS_PASSWORD_QUEUE", options.max_waiting, 0);
    return options;
}

PasswordLane::PasswordLane(PasswordLaneOptions options) : options_(options) {
    options_.threads = std::max<std::size_t>(1, options_.threads);
    for (std::size_t i = 0; i < options_.threads; ++i) threads_.emplace_back([this] { run(); });
}

PasswordLane::~PasswordLane() { stop(); }

bool PasswordLane::takes(const Request& request) {
    if (request.method != Method::post) return false;
    const auto& p = request.path;
    return p == "/compte/connexion" || p == "/compte/inscription" || p == "/compte/nouveau-mot-de-passe";
}

bool PasswordLane::try_post(std::function<void()> job) {
    {
        std::lock_guard lock(mutex_);
        if (stopping_ || queue_.size() + running_ >= options_.threads + options_.max_waiting) return false;
        queue_.push_back(std::move(job));
    }
    ready_.notify_one();
    return true;
}

void PasswordLane::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_ && threads_.empty()) return;
        stopping_ = true;
    }
    ready_.notify_all();
    for (auto& t : threads_)
        if (t.joinable()) t.join();
    threads_.clear();
}

void PasswordLane::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;  // stopping, nothing left
        auto job = std::move(queue_.front());
        queue_.pop_front();
        ++running_;
        lock.unlock();
        try {
            job();
        } catch (const std::exception& e) {
            spdlog::error("password lane: {}", e.what());
        }
        lock.lock();
        --running_;
    }
}

}  // namespace ateliers::web
