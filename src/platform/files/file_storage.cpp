#include "platform/files/file_storage.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <iterator>
#include <system_error>

#include "platform/auth/crypto.hpp"

namespace ateliers::files {

namespace {

Failure storage_failure(const std::string& what) {
    spdlog::error("files: {}", what);
    return fail("Le fichier n’a pas pu être enregistré ni lu sur le serveur. Réessayez dans un instant ; si cela "
                "persiste, prévenez l’équipe du site.",
                {}, FailureKind::technical);
}

// A key is a base64url token we made: nothing else may name a path.
bool is_key(const std::string& key) {
    if (key.empty() || key.size() > 64) return false;
    for (const char c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return false;
    return true;
}

}  // namespace

std::filesystem::path FileStorage::path_of(const std::string& key) const {
    // Two letters of fan-out keep each folder small.
    return dir_ / key.substr(0, 2) / key;
}

Result<std::string> FileStorage::write(std::string_view bytes) const {
    const auto key = crypto::random_token();
    const auto target = path_of(key);
    std::error_code ec;
    std::filesystem::create_directories(target.parent_path(), ec);
    if (ec) return storage_failure("cannot create " + target.parent_path().string() + ": " + ec.message());
    const auto temporary = target.string() + ".part";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            std::filesystem::remove(temporary, ec);
            return storage_failure("cannot write " + temporary);
        }
    }
    std::filesystem::rename(temporary, target, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        return storage_failure("cannot rename " + temporary + ": " + ec.message());
    }
    return key;
}

Result<std::string> FileStorage::read(const std::string& key) const {
    if (!is_key(key)) return storage_failure("refused key " + key);
    std::ifstream in(path_of(key), std::ios::binary);
    if (!in) return storage_failure("cannot read " + path_of(key).string());
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void FileStorage::remove(const std::string& key) const noexcept {
    if (!is_key(key)) return;
    std::error_code ec;
    std::filesystem::remove(path_of(key), ec);
    if (ec) spdlog::warn("files: cannot remove {}: {}", key, ec.message());
}

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (const auto b : digest) {
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out;
}

}  // namespace ateliers::files
