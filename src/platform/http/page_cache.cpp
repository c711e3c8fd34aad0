#include "platform/http/page_cache.hpp"

namespace ateliers::web {

std::optional<Response> PageCache::get(const std::string& key) const {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    if (std::chrono::steady_clock::now() >= it->second.expires) {
        entries_.erase(it);
        return std::nullopt;
    }
    return it->second.response;
}

void PageCache::put(const std::string& key, const Response& response) const {
    std::lock_guard lock(mutex_);
    // Bounded by dropping everything: crawlers trying every filter combination
    // must not grow memory, and a refill costs one render per page.
    if (entries_.size() >= max_entries_) entries_.clear();
    entries_[key] = Entry{response, std::chrono::steady_clock::now() + ttl_};
}

void PageCache::clear() const {
    std::lock_guard lock(mutex_);
    entries_.clear();
}

std::string PageCache::key_for(const Request& request) {
    std::string key = request.path;
    char separator = '?';
    for (const auto& [name, value] : request.query) {  // std::map: sorted
        key += separator + name + "=" + value;
        separator = '&';
    }
    return key;
}

}  // namespace ateliers::web
