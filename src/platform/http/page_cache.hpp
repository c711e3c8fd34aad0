#pragma once
// Micro-cache of the public pages as anonymous visitors see them. They hold no
// personal data, and rendering them (queries + templates) costs far more than
// serving a copy. Entries live a few seconds and the whole cache is dropped after
// any change made through this process, so "places restantes" lags by at most
// the TTL when another process makes the change.
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "platform/http/http.hpp"

namespace ateliers::web {

class PageCache {
public:
    PageCache(std::chrono::milliseconds ttl, std::size_t max_entries) : ttl_(ttl), max_entries_(max_entries) {}

    std::optional<Response> get(const std::string& key) const;
    void put(const std::string& key, const Response& response) const;
    void clear() const;

    // "/cycles?mois=2027-01&theme=Eau": the path and the decoded query, in a stable order.
    static std::string key_for(const Request& request);

private:
    struct Entry {
        Response response;
        std::chrono::steady_clock::time_point expires;
    };
    std::chrono::milliseconds ttl_;
    std::size_t max_entries_;
    mutable std::mutex mutex_;
    mutable std::unordered_map<std::string, Entry> entries_;
};

}  // namespace ateliers::web
