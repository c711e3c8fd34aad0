#pragma once
// The HTTP exchange as handlers see it: plain structs, so that only server.cpp
// includes RESTinio and handlers stay cheap to compile and easy to test.
#include <map>
#include <optional>
#include <string>
#include <string_view>
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

// Only a plain local path ("/espace", "/cycles/x?a=b"): an open redirect would let a
// phishing link borrow our domain, and a control byte would end the Location header
// early (header injection). Browsers drop tabs and newlines inside URLs and read '\'
// as '/', so "/\t/evil.example" or "/\\evil.example" would leave the site.
inline bool is_plain_local_path(std::string_view path) {
    if (path.empty() || path[0] != '/') return false;
    if (path.size() > 1 && path[1] == '/') return false;
    for (const char ch : path) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7f || c == '\\') return false;
    }
    return true;
}

inline std::string safe_local_path(const std::string& next, const std::string& fallback) {
    return is_plain_local_path(next) ? next : fallback;
}

// A header line must stay one line: no control byte may reach the wire, whatever a
// handler put in it (RFC 9110 field names are tokens; values exclude CTLs).
inline bool is_safe_header(std::string_view name, std::string_view value) {
    if (name.empty()) return false;
    for (const char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c >= 0x7f || c == ':') return false;
    }
    for (const char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7f) return false;
    }
    return true;
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
