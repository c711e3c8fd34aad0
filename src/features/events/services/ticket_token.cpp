#include "features/events/services/ticket_token.hpp"

#include <sodium.h>

#include <array>

namespace ateliers::events {

namespace {

using Key = std::array<unsigned char, crypto_auth_KEYBYTES>;
using Mac = std::array<unsigned char, crypto_auth_BYTES>;

// A key of its own for tickets, derived from the site's secret (any length), so a MAC
// made for tickets is worth nothing elsewhere.
Key ticket_key(const std::string& secret) {
    static const std::string context = "ateliers/event-ticket/v1";
    Key key{};
    crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char*>(secret.data()), secret.size(),
                       reinterpret_cast<const unsigned char*>(context.data()), context.size());
    return key;
}

Mac mac_of(const Key& key, const std::string& message) {
    Mac mac{};
    crypto_auth(mac.data(), reinterpret_cast<const unsigned char*>(message.data()), message.size(), key.data());
    return mac;
}

std::string message_for(long long registration_id) { return "event-registration:" + std::to_string(registration_id); }

}  // namespace

std::string sign_ticket(const std::string& secret, long long registration_id) {
    const auto mac = mac_of(ticket_key(secret), message_for(registration_id));
    std::string encoded(sodium_base64_ENCODED_LEN(mac.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(encoded.data(), encoded.size(), mac.data(), mac.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    encoded.resize(encoded.find('\0'));
    return std::to_string(registration_id) + "." + encoded;
}

std::optional<long long> verify_ticket(const std::string& secret, const std::string& token) {
    const auto dot = token.find('.');
    if (dot == std::string::npos || dot == 0 || dot > 18) return std::nullopt;
    long long id = 0;
    for (std::size_t i = 0; i < dot; ++i) {
        if (token[i] < '0' || token[i] > '9') return std::nullopt;
        id = id * 10 + (token[i] - '0');
    }
    if (id <= 0) return std::nullopt;
    Mac mac{};
    std::size_t length = 0;
    const auto encoded = token.substr(dot + 1);
    if (sodium_base642bin(mac.data(), mac.size(), encoded.data(), encoded.size(), nullptr, &length, nullptr,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        length != mac.size())
        return std::nullopt;
    const auto message = message_for(id);
    const auto key = ticket_key(secret);
    if (crypto_auth_verify(mac.data(), reinterpret_cast<const unsigned char*>(message.data()), message.size(), key.data()) != 0)
        return std::nullopt;
    return id;
}

}  // namespace ateliers::events
