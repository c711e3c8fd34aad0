#include "features/running/web/live_hub.hpp"

#include <spdlog/spdlog.h>

#include "features/running/services/session_plans.hpp"
#include "features/running/web/live_stream.hpp"
#include "features/running/web/live_view.hpp"
#include "features/running/web/live_hub_parts.hpp"
#include "features/running/web/live_routes.hpp"

namespace ateliers::web {

namespace {

using hub_detail::refuse;
using hub_detail::status_line;

std::shared_ptr<const services::SessionFeed> load_feed(const App& app, long long session_id) {
    auto feed = services::load_session_feed(app.db(), session_id);
    if (!feed) return nullptr;
    return std::make_shared<const services::SessionFeed>(std::move(feed.value()));
}

}  // namespace

LiveHub::LiveHub(const App& app, LiveHubOptions options) : app_(app), options_(options) {}

LiveHub::~LiveHub() { stop(); }

void LiveHub::start() {
    std::lock_guard lock(mutex_);
    if (poller_.joinable()) return;
    stopping_ = false;
    poller_ = std::thread([this] { run(); });
}

void LiveHub::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (poller_.joinable()) poller_.join();
    expire_waiters(true);
    std::map<long long, Channel> channels;
    {
        std::lock_guard lock(mutex_);
        channels.swap(channels_);
    }
    for (auto& [id, channel] : channels)
        for (auto& s : channel.subscribers) {
            std::lock_guard lock(s->mutex);
            if (s->out && !s->dead) s->out->done();
            s->out.reset();
        }
    connections_ = 0;
    std::lock_guard lock(mutex_);
    per_user_.clear();
}

void LiveHub::observe(Response& response) {
    auto& headers = response.headers;
    for (auto it = headers.begin(); it != headers.end();) {
        if (it->first != live::live_changed_header) {
            ++it;
            continue;
        }
        try {
            wake(std::stoll(it->second));
        } catch (const std::exception&) {
            // not an id: nothing to wake
        }
        it = headers.erase(it);
    }
}

void LiveHub::wake(long long session_id) {
    {
        std::lock_guard lock(mutex_);
        woken_.insert(session_id);
    }
    wake_.notify_one();
}

std::optional<restinio::request_handling_status_t> LiveHub::try_handle(const restinio::request_handle_t& handle,
                                                                       const Request& request) {
    if (request.method != Method::get) return std::nullopt;
    const auto path = live::parse_live_path(request.path);
    if (!path) return std::nullopt;
    std::optional<long long> since;
    if (path->endpoint == live::Endpoint::state) {
        const auto text = request.query_param("depuis");
        if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
            return std::nullopt;  // a plain JSON request: App answers it at once
        since = std::stoll(text);
    }
    try {
        const auto access = live::authorize_live_request(app_, request, path->session_id);
        if (access.status != 200) return refuse(handle, access.status, access.message);
        if (connections_.load() >= options_.max_connections)
            return refuse(handle, 503, "Trop de connexions en direct pour le moment ; la page se met à jour "
                                       "quand vous l’actualisez.");
        if (!reserve(access.user_id))
            return refuse(handle, 429, "Trop de pages de séance en direct sont ouvertes avec votre compte (" +
                                           std::to_string(options_.max_per_user) +
                                           " au plus) : fermez celles dont vous n’avez plus besoin, puis "
                                           "actualisez cette page.");
        const Holder holder{access.user_id, access.session_hash};
        return since ? long_poll(handle, access.viewer, holder, *since) : open_stream(handle, access.viewer, holder);
    } catch (const std::exception& e) {
        spdlog::error("GET {}: {}", request.path, e.what());
        return refuse(handle, 500, "Erreur technique : réessayez dans un instant.");
    }
}

restinio::request_handling_status_t LiveHub::open_stream(const restinio::request_handle_t& handle,
                                                         const services::LiveViewer& viewer, const Holder& holder) {
    auto feed = load_feed(app_, viewer.session_id);
    if (!feed) {
        std::lock_guard lock(mutex_);
        release_locked(holder.user_id);
        return refuse(handle, 404, "Cette séance n’existe pas.");
    }
    auto subscriber = std::make_shared<Subscriber>();
    subscriber->viewer = viewer;
    subscriber->holder = holder;
    subscriber->out.emplace(handle->create_response<restinio::chunked_output_t>(status_line(200)));
    subscriber->out->append_header(restinio::http_field::content_type, "text/event-stream; charset=utf-8")
        .append_header(restinio::http_field::cache_control, "no-cache")
        .append_header("X-Accel-Buffering", "no")  // nginx: do not buffer this response
        .append_header("X-Content-Type-Options", "nosniff");
    {
        std::lock_guard lock(subscriber->mutex);
        // retry: how long EventSource waits before reconnecting after a cut.
        subscriber->write("retry: 3000\n\n", subscriber);
    }
    subscriber->send_state(*feed, subscriber);
    std::shared_ptr<const services::SessionFeed> newer;
    {
        std::lock_guard lock(mutex_);
        auto& channel = channels_[viewer.session_id];
        channel.subscribers.push_back(subscriber);
        if (channel.feed && channel.feed->version > feed->version) newer = channel.feed;
        else if (!channel.feed || channel.feed->version < feed->version) channel.feed = feed;
        channel.known_version = std::max(channel.known_version, feed->version);
        ++connections_;
    }
    // Published while we were reading: this page must not miss it.
    if (newer) subscriber->send_state(*newer, subscriber);
    return restinio::request_accepted();
}

restinio::request_handling_status_t LiveHub::long_poll(const restinio::request_handle_t& handle,
                                                       const services::LiveViewer& viewer, const Holder& holder,
                                                       long long since) {
    auto feed = load_feed(app_, viewer.session_id);
    if (!feed || feed->version != since) {
        std::lock_guard lock(mutex_);
        release_locked(holder.user_id);
    }
    if (!feed) return refuse(handle, 404, "Cette séance n’existe pas.");
    auto waiter = std::make_shared<Waiter>(
        Waiter{viewer, holder, since, std::chrono::steady_clock::now() + options_.long_poll, handle});
    if (feed->version != since) {
        answer(*waiter, *feed);
        return restinio::request_accepted();
    }
    {
        std::lock_guard lock(mutex_);
        auto& channel = channels_[viewer.session_id];
        channel.waiters.push_back(waiter);
        if (!channel.feed || channel.feed->version < feed->version) channel.feed = feed;
        channel.known_version = std::max(channel.known_version, feed->version);
        ++connections_;
    }
    return restinio::request_accepted();
}

void LiveHub::answer(Waiter& waiter, const services::SessionFeed& feed) {
    const auto body = live::viewer_state(feed, waiter.viewer, services::now_utc_millis()).dump();
    waiter.handle->create_response(status_line(200))
        .append_header(restinio::http_field::content_type, "application/json; charset=utf-8")
        .append_header(restinio::http_field::cache_control, "no-store")
        .set_body(body)
        .done();
}

void LiveHub::run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, options_.poll_interval, [this] { return stopping_ || !woken_.empty(); });
        if (stopping_) break;
        woken_.clear();
        lock.unlock();
        try {
            poll_once();
            expire_waiters(false);
            if (std::chrono::steady_clock::now() - last_heartbeat_ >= options_.heartbeat) heartbeat();
            drop_dead();
        } catch (const std::exception& e) {
            // The database may be briefly unreachable: keep the streams, try again.
            spdlog::warn("live poller: {}", e.what());
        }
        lock.lock();
    }
}

void LiveHub::poll_once() {
    std::vector<long long> ids;
    std::map<long long, long long> known;
    {
        std::lock_guard lock(mutex_);
        for (const auto& [id, channel] : channels_) {
            ids.push_back(id);
            known[id] = channel.known_version;
        }
    }
    if (ids.empty()) return;
    for (const auto& [id, version] : services::live_versions(app_.db(), ids)) {
        if (version <= known[id]) continue;
        if (auto feed = load_feed(app_, id)) publish(id, std::move(feed));
    }
}

void LiveHub::publish(long long session_id, std::shared_ptr<const services::SessionFeed> feed) {
    std::vector<std::shared_ptr<Subscriber>> subscribers;
    std::vector<std::shared_ptr<Waiter>> waiters;
    {
        std::lock_guard lock(mutex_);
        const auto it = channels_.find(session_id);
        if (it == channels_.end()) return;
        auto& channel = it->second;
        if (channel.feed && channel.feed->version >= feed->version) return;
        channel.feed = feed;
        channel.known_version = feed->version;
        subscribers = channel.subscribers;
        for (auto w = channel.waiters.begin(); w != channel.waiters.end();) {
            if ((*w)->since != feed->version) {
                waiters.push_back(*w);
                release_locked((*w)->holder.user_id);
                w = channel.waiters.erase(w);
                --connections_;
            } else {
                ++w;
            }
        }
    }
    send_off_logged_out(subscribers, waiters);
    for (const auto& s : subscribers) s->send_state(*feed, s);
    for (const auto& w : waiters) answer(*w, *feed);
}

void LiveHub::heartbeat() {
    last_heartbeat_ = std::chrono::steady_clock::now();
    std::vector<std::shared_ptr<Subscriber>> all;
    {
        std::lock_guard lock(mutex_);
        for (const auto& [id, channel] : channels_)
            all.insert(all.end(), channel.subscribers.begin(), channel.subscribers.end());
    }
    std::vector<std::shared_ptr<Waiter>> no_waiters;
    send_off_logged_out(all, no_waiters);
    // A comment line: ignored by EventSource, but it keeps proxies and RESTinio's
    // request timeout (re-armed after every write) from closing a quiet stream, and
    // reveals connections that went away.
    for (const auto& s : all) {
        std::lock_guard lock(s->mutex);
        s->write(": ping\n\n", s);
    }
}

void LiveHub::expire_waiters(bool all) {
    const auto now = std::chrono::steady_clock::now();
    std::vector<std::pair<std::shared_ptr<Waiter>, std::shared_ptr<const services::SessionFeed>>> due;
    {
        std::lock_guard lock(mutex_);
        for (auto& [id, channel] : channels_)
            for (auto w = channel.waiters.begin(); w != channel.waiters.end();) {
                if (all || (*w)->deadline <= now) {
                    due.emplace_back(*w, channel.feed);
                    release_locked((*w)->holder.user_id);
                    w = channel.waiters.erase(w);
                    --connections_;
                } else {
                    ++w;
                }
            }
    }
    std::vector<std::shared_ptr<Subscriber>> no_subscribers;
    std::vector<std::shared_ptr<Waiter>> waiters;
    for (const auto& d : due) waiters.push_back(d.first);
    send_off_logged_out(no_subscribers, waiters);
    std::set<const Waiter*> still_logged_in;
    for (const auto& w : waiters) still_logged_in.insert(w.get());
    for (auto& [waiter, feed] : due) {
        if (!still_logged_in.count(waiter.get())) continue;
        if (feed) answer(*waiter, *feed);
        else refuse(waiter->handle, 503, "Réessayez.");
    }
}

void LiveHub::drop_dead() {
    std::vector<std::shared_ptr<Subscriber>> gone;
    {
        std::lock_guard lock(mutex_);
        for (auto it = channels_.begin(); it != channels_.end();) {
            auto& subs = it->second.subscribers;
            for (auto s = subs.begin(); s != subs.end();) {
                if ((*s)->dead) {
                    gone.push_back(*s);
                    release_locked((*s)->holder.user_id);
                    s = subs.erase(s);
                    --connections_;
                } else {
                    ++s;
                }
            }
            if (subs.empty() && it->second.waiters.empty()) it = channels_.erase(it);
            else ++it;
        }
    }
    // Released outside the hub's lock: the builder holds the connection.
    for (auto& s : gone) {
        std::lock_guard lock(s->mutex);
        s->out.reset();
    }
}

}  // namespace ateliers::web
