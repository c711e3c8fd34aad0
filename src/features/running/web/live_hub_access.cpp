// Who may keep a live page open: a bounded number per account, and only while the
// login session lasts.
#include <spdlog/spdlog.h>

#include <algorithm>

#include "platform/auth/accounts.hpp"
#include "features/running/web/live_hub_parts.hpp"

namespace ateliers::web {

namespace hub_detail {

restinio::http_status_line_t status_line(int status) {
    const char* reason = status == 200   ? "OK"
                         : status == 401 ? "Unauthorized"
                         : status == 403 ? "Forbidden"
                         : status == 404 ? "Not Found"
                         : status == 429 ? "Too Many Requests"
                         : status == 503 ? "Service Unavailable"
                                         : "Internal Server Error";
    return restinio::http_status_line_t{restinio::http_status_code_t{static_cast<std::uint16_t>(status)}, reason};
}

restinio::request_handling_status_t refuse(const restinio::request_handle_t& handle, int status,
                                           const std::string& message) {
    auto response = handle->create_response(status_line(status));
    response.append_header(restinio::http_field::content_type, "text/plain; charset=utf-8")
        .append_header(restinio::http_field::cache_control, "no-store");
    if (status == 503) response.append_header(restinio::http_field::retry_after, "5");
    return response.set_body(message).done();
}

}  // namespace hub_detail

bool LiveHub::reserve(long long user_id) {
    std::lock_guard lock(mutex_);
    auto& open = per_user_[user_id];
    if (open >= options_.max_per_user) return false;
    ++open;
    return true;
}

void LiveHub::release_locked(long long user_id) {
    const auto it = per_user_.find(user_id);
    if (it == per_user_.end()) return;
    if (it->second <= 1) per_user_.erase(it);
    else --it->second;
}

void LiveHub::send_off_logged_out(std::vector<std::shared_ptr<Subscriber>>& subscribers,
                                  std::vector<std::shared_ptr<Waiter>>& waiters) {
    if (subscribers.empty() && waiters.empty()) return;
    std::vector<std::string> hashes;
    for (const auto& s : subscribers) hashes.push_back(s->holder.session_hash);
    for (const auto& w : waiters) hashes.push_back(w->holder.session_hash);
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    std::set<std::string> open;
    try {
        open = services::open_sessions(app_.db(), hashes);
    } catch (const std::exception& e) {
        // The database is briefly unreachable: push anyway, check at the next turn.
        spdlog::warn("live hub: sessions not checked: {}", e.what());
        return;
    }
    const auto gone = [&open](const Holder& h) { return !open.count(h.session_hash); };
    // Closed streams are dropped (and their places freed) by drop_dead on this poller turn.
    std::erase_if(subscribers, [&](const std::shared_ptr<Subscriber>& s) {
        if (!gone(s->holder)) return false;
        s->close("deconnexion", s);
        return true;
    });
    std::erase_if(waiters, [&](const std::shared_ptr<Waiter>& w) {
        if (!gone(w->holder)) return false;
        hub_detail::refuse(w->handle, 401, "Votre session est terminée : connectez-vous pour suivre la séance.");
        return true;
    });
}

}  // namespace ateliers::web
