#include "platform/http/cookies.hpp"

#include "platform/core/text.hpp"

namespace ateliers::web {

std::map<std::string, std::string> parse_cookie_header(std::string_view header) {
    std::map<std::string, std::string> out;
    std::size_t start = 0;
    while (start < header.size()) {
        auto end = header.find(';', start);
        if (end == std::string_view::npos) end = header.size();
        const auto part = header.substr(start, end - start);
        const auto eq = part.find('=');
        if (eq != std::string_view::npos) {
            auto name = text::trim(part.substr(0, eq));
            auto value = text::trim(part.substr(eq + 1));
            if (!name.empty()) out.emplace(std::move(name), std::move(value));
        }
        start = end + 1;
    }
    return out;
}

std::string set_cookie_value(const std::string& name, const std::string& value, const CookieOptions& options) {
    std::string out = name + "=" + value + "; Path=/; SameSite=Lax";
    if (options.http_only) out += "; HttpOnly";
    if (options.secure) out += "; Secure";
    if (options.max_age_seconds >= 0) out += "; Max-Age=" + std::to_string(options.max_age_seconds);
    return out;
}

}  // namespace ateliers::web
