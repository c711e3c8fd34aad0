#include "platform/auth/crypto.hpp"

#include <sodium.h>

#include <array>
#include <atomic>
#include <stdexcept>

namespace ateliers::crypto {

namespace {

std::atomic<std::uint64_t> verification_count{0};
std::atomic<std::uint64_t> hash_count{0};

std::string argon2id_hash(const std::string& password) {
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str(out.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("argon2id: out of memory");
    return std::string(out.data());
}

// Hashed once, with the same parameters as real passwords, so it costs the same.
const std::string& dummy_hash() {
    static const std::string hash = argon2id_hash(random_token());
    return hash;
}

bool is_argon2id(const std::string& hash) { return hash.rfind("$argon2id$", 0) == 0; }

}  // namespace

bool initialise() { return sodium_init() >= 0; }

std::string random_token() {
    std::array<unsigned char, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(out.find('\0'));
    return out;
}

std::string token_hash(const std::string& token) {
    std::array<unsigned char, 32> digest{};
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(token.data()),
                       token.size(), nullptr, 0);
    std::string hex(digest.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    hex.pop_back();
    return hex;
}

std::string hash_password(const std::string& password) {
    ++hash_count;
    return argon2id_hash(password);
}

bool verify_password(const std::string& hash, const std::string& password) {
    if (!is_argon2id(hash)) {
        dummy_verification(password);
        return false;
    }
    ++verification_count;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void dummy_verification(const std::string& password) {
    const auto& hash = dummy_hash();
    ++verification_count;
    (void)crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size());
}

std::uint64_t verifications() { return verification_count.load(); }
std::uint64_t hashes() { return hash_count.load(); }

}  // namespace ateliers::crypto
