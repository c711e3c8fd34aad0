#pragma once
// CSRF tokens the server issues and can recognise. A token is a random nonce with
// an HMAC of (nonce, session cookie) under a server secret, so
//  - a value the server did not issue is refused, even when cookie and form agree
//    (double submit alone trusts whoever can plant a cookie, e.g. a sibling domain);
//  - a token is worth nothing once the session changes: logging in or out rotates it.
#include <string>
#include <string_view>

namespace ateliers::web {

class CsrfTokens {
public:
    // `secret`: any length, shared by every process serving the same site.
    explicit CsrfTokens(std::string_view secret);

    std::string issue(std::string_view session_token) const;
    bool valid(std::string_view token, std::string_view session_token) const;

private:
    std::string mac(std::string_view nonce, std::string_view session_token) const;
    unsigned char key_[32];
};

}  // namespace ateliers::web
