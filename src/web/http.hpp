#pragma once
// The HTTP exchange as handlers see it: plain structs, so that only server.cpp
// includes RESTinio and handlers stay cheap to compile and easy to test.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ateliers::web {

enum class Method { get, post, head, del, other };

struct Request {
    Method method = Method::get;
    std::string path;                           // decoded path, no query
    std::map<std::string, std::string> query;   // decoded query parameters
    std::map<std::string, std::string> headers; // lower-case names
    std::string body;
    std::string remote_ip;

    std::string header(const std::string& lower_name) const {
        const auto it = headers.find(lower_name);
        return it == headers.end() ? std::string{} : it->second;
    }
    std::string query_param(const std::string& name) const {
        const auto it = query.find(name);
        return it == query.end() ? std::string{} : it->second;
    }
};

struct Response {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;

    Response& header(std::string name, std::string value) {
        headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }
};

inline Response redirect_to(const std::string& location, int status = 303) {
    Response r;
    r.status = status;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "Redirection vers " + location;
    r.header("Location", location);
    return r;
}

// Only local paths: an open redirect would let a phishing link borrow our domain.
inline std::string safe_local_path(const std::string& next, const std::string& fallback) {
    if (next.empty() || next[0] != '/' || (next.size() > 1 && (next[1] == '/' || next[1] == '\\'))) return fallback;
    return next;
}

inline Response plain_text(int status, std::string body) {
    Response r;
    r.status = status;
    r.content_type = "text/plain; charset=utf-8";
    r.body = std::move(body);
    return r;
}

inline Response json_response(int status, std::string body) {
    Response r;
    r.status = status;
    r.content_type = "application/json; charset=utf-8";
    r.body = std::move(body);
    return r;
}

}  // namespace ateliers::web
