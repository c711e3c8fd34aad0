#pragma once
// Secrets: random tokens for links and sessions (only their hash is stored) and
// argon2id password hashes, both from libsodium.
#include <string>

namespace ateliers::crypto {

bool initialise();  // sodium_init; false if the library cannot be used

std::string random_token();                      // 32 random bytes, base64url
std::string token_hash(const std::string& token);  // BLAKE2b-256, hex
std::string hash_password(const std::string& password);
bool verify_password(const std::string& hash, const std::string& password);

}  // namespace ateliers::crypto
