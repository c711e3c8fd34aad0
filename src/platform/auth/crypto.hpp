#pragma once
// Secrets: random tokens for links and sessions (only their hash is stored) and
// argon2id password hashes, both from libsodium.
#include <cstdint>
#include <string>

namespace ateliers::crypto {

bool initialise();  // sodium_init; false if the library cannot be used

std::string random_token();                      // 32 random bytes, base64url
std::string token_hash(const std::string& token);  // BLAKE2b-256, hex
std::string hash_password(const std::string& password);
// A stored value that is not an argon2id hash (e.g. demo accounts) costs a full
// verification all the same, and fails.
bool verify_password(const std::string& hash, const std::string& password);

// Costs what verify_password costs and always fails: run when there is no account,
// so that the answer time does not tell which addresses have one.
void dummy_verification(const std::string& password);

// argon2id runs by this process: verifications (real or dummy) and new hashes. Tests
// read them to check which paths pay for the slow work.
std::uint64_t verifications();
std::uint64_t hashes();

}  // namespace ateliers::crypto
