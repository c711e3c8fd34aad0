#pragma once
// Which address a request comes from, for per-address limits (login attempts…).
// X-Forwarded-For is only believed when a reverse proxy we trust wrote it: anyone
// else can put any address in it and so dodge every per-address limit.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ateliers::web {

// One trusted proxy: an address ("10.0.0.5", "::1") or a network ("10.0.0.0/8").
struct AddressRange {
    unsigned char bytes[16] = {};  // IPv4 as IPv4-mapped IPv6
    int prefix_bits = 128;
};

// nullopt when `text` is neither an IPv4/IPv6 address nor such an address with a /prefix.
std::optional<AddressRange> parse_address_range(std::string_view text);

class TrustedProxies {
public:
    TrustedProxies() = default;
    explicit TrustedProxies(std::vector<AddressRange> ranges) : ranges_(std::move(ranges)) {}
    bool contains(std::string_view address) const;
    bool empty() const { return ranges_.empty(); }

private:
    std::vector<AddressRange> ranges_;
};

// The TCP peer, unless the peer is a trusted proxy: then the right-most address of
// the X-Forwarded-For chain that is not itself a trusted proxy (each proxy appends
// the address it received the request from, so everything left of the first hop we
// do not trust may be forged). A chain of trusted proxies only: its left-most address.
std::string client_address(std::string_view peer, std::string_view forwarded_for, const TrustedProxies& trusted);

}  // namespace ateliers::web
