#include "platform/http/client_address.hpp"

#include <arpa/inet.h>

#include <cstring>

namespace ateliers::web {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Proxies may write "[::1]:443" or "10.0.0.1:80"; only the address matters here.
std::string_view without_port(std::string_view s) {
    if (!s.empty() && s.front() == '[') {
        const auto close = s.find(']');
        return close == std::string_view::npos ? s : s.substr(1, close - 1);
    }
    const auto colon = s.find(':');
    if (colon != std::string_view::npos && s.find(':', colon + 1) == std::string_view::npos) return s.substr(0, colon);
    return s;
}

bool parse_address(std::string_view text, unsigned char out[16], bool& is_v4) {
    if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return false;
    char buf[INET6_ADDRSTRLEN] = {};
    std::memcpy(buf, text.data(), text.size());
    unsigned char v4[4];
    if (inet_pton(AF_INET, buf, v4) == 1) {
        std::memset(out, 0, 10);
        out[10] = out[11] = 0xff;
        std::memcpy(out + 12, v4, 4);
        is_v4 = true;
        return true;
    }
    is_v4 = false;
    return inet_pton(AF_INET6, buf, out) == 1;
}

bool in_range(const unsigned char address[16], const AddressRange& range) {
    const int full = range.prefix_bits / 8, rest = range.prefix_bits % 8;
    if (std::memcmp(address, range.bytes, static_cast<std::size_t>(full)) != 0) return false;
    if (rest == 0) return true;
    const auto mask = static_cast<unsigned char>(0xff << (8 - rest));
    return (address[full] & mask) == (range.bytes[full] & mask);
}

}  // namespace

std::optional<AddressRange> parse_address_range(std::string_view text) {
    text = trim(text);
    AddressRange range;
    bool is_v4 = false;
    const auto slash = text.find('/');
    if (!parse_address(text.substr(0, slash), range.bytes, is_v4)) return std::nullopt;
    if (slash == std::string_view::npos) return range;
    const auto digits = text.substr(slash + 1);
    if (digits.empty() || digits.size() > 3) return std::nullopt;
    int bits = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        bits = bits * 10 + (c - '0');
    }
    if (bits > (is_v4 ? 32 : 128)) return std::nullopt;
    range.prefix_bits = is_v4 ? 96 + bits : bits;
    return range;
}

bool TrustedProxies::contains(std::string_view address) const {
    unsigned char bytes[16];
    bool is_v4 = false;
    if (!parse_address(without_port(trim(address)), bytes, is_v4)) return false;
    for (const auto& range : ranges_)
        if (in_range(bytes, range)) return true;
    return false;
}

std::string client_address(std::string_view peer, std::string_view forwarded_for, const TrustedProxies& trusted) {
    if (trusted.empty() || !trusted.contains(peer)) return std::string(peer);
    std::string_view leftmost;
    while (!forwarded_for.empty()) {
        const auto comma = forwarded_for.rfind(',');
        const auto hop = trim(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
        forwarded_for = comma == std::string_view::npos ? std::string_view{} : forwarded_for.substr(0, comma);
        if (hop.empty()) continue;
        if (!trusted.contains(hop)) return std::string(without_port(hop));
        leftmost = hop;
    }
    return leftmost.empty() ? std::string(peer) : std::string(without_port(leftmost));
}

}  // namespace ateliers::web
