#pragma once
#include <map>
#include <string>
#include <string_view>

namespace ateliers::web {

std::map<std::string, std::string> parse_cookie_header(std::string_view header);

struct CookieOptions {
    bool http_only = true;
    bool secure = false;
    long long max_age_seconds = -1;  // -1: session cookie; 0: delete
};

// SameSite=Lax always: our state-changing requests are POSTs, so a link from
// another site never carries the session into one.
std::string set_cookie_value(const std::string& name, const std::string& value, const CookieOptions& options);

}  // namespace ateliers::web
