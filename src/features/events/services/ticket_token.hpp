#pragma once
// The token a ticket's QR code carries: the registration id and an HMAC of it
// (libsodium crypto_auth, HMAC-SHA-512-256) under a key derived from the site's secret, so
// a ticket cannot be made up from a guessed id and a scanned one is checked without a lookup.
#include <optional>
#include <string>

namespace ateliers::events {

// "<registration id>.<base64url MAC>"
std::string sign_ticket(const std::string& secret, long long registration_id);
// The registration id when the MAC matches (constant-time), nothing otherwise.
std::optional<long long> verify_ticket(const std::string& secret, const std::string& token);

}  // namespace ateliers::events
