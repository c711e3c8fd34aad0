#include "platform/http/csrf.hpp"

#include <sodium.h>

namespace ateliers::web {

namespace {

constexpr std::size_t nonce_bytes = 16;
constexpr std::size_t nonce_hex = nonce_bytes * 2;
constexpr std::size_t mac_hex = crypto_auth_hmacsha256_BYTES * 2;

std::string to_hex(const unsigned char* bytes, std::size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes, n);
    out.pop_back();
    return out;
}

}  // namespace

CsrfTokens::CsrfTokens(std::string_view secret) {
    // Derived, so a secret of any length gives a full-size key.
    crypto_generichash(key_, sizeof key_, reinterpret_cast<const unsigned char*>(secret.data()), secret.size(),
                       reinterpret_cast<const unsigned char*>("ateliers-csrf-key"), 17);
}

std::string CsrfTokens::mac(std::string_view nonce, std::string_view session_token) const {
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, key_, sizeof key_);
    const auto feed = [&state](std::string_view part) {
        // Length-prefixed so that no two (nonce, session) pairs give the same input.
        const auto size = static_cast<unsigned long long>(part.size());
        crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(&size), sizeof size);
        crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(part.data()), part.size());
    };
    feed(nonce);
    feed(session_token);
    unsigned char out[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_final(&state, out);
    return to_hex(out, sizeof out);
}

std::string CsrfTokens::issue(std::string_view session_token) const {
    unsigned char nonce[nonce_bytes];
    randombytes_buf(nonce, sizeof nonce);
    const auto n = to_hex(nonce, sizeof nonce);
    return n + "." + mac(n, session_token);
}

bool CsrfTokens::valid(std::string_view token, std::string_view session_token) const {
    if (token.size() != nonce_hex + 1 + mac_hex || token[nonce_hex] != '.') return false;
    const auto expected = mac(token.substr(0, nonce_hex), session_token);
    return sodium_memcmp(expected.data(), token.data() + nonce_hex + 1, mac_hex) == 0;
}

}  // namespace ateliers::web
