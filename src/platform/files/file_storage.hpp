#pragma once
// The bytes of uploaded files, on disk under one folder (--files-dir, by default
// var/fichiers beside the default database), each under a random name that says nothing
// of its content or owner. Several `ateliers serve` processes share one folder (a shared
// volume), as they share one database.
#include <filesystem>
#include <string>
#include <string_view>

#include "platform/core/result.hpp"

namespace ateliers::files {

class FileStorage {
public:
    FileStorage() : dir_("var/fichiers") {}
    explicit FileStorage(std::filesystem::path dir) : dir_(std::move(dir)) {}
    const std::filesystem::path& dir() const { return dir_; }

    // Writes to a temporary name, then renames: a reader never sees half a file.
    // The key is the new file's name.
    Result<std::string> write(std::string_view bytes) const;
    Result<std::string> read(const std::string& key) const;
    // Best effort: a file already gone is fine.
    void remove(const std::string& key) const noexcept;

private:
    std::filesystem::path path_of(const std::string& key) const;
    std::filesystem::path dir_;
};

// Bytes written before the transaction that records them: removed again unless kept,
// so a refused or failed transaction leaves no file behind.
class PendingFile {
public:
    PendingFile(const FileStorage& storage, std::string key) : storage_(storage), key_(std::move(key)) {}
    ~PendingFile() {
        if (!kept_) storage_.remove(key_);
    }
    PendingFile(const PendingFile&) = delete;
    PendingFile& operator=(const PendingFile&) = delete;
    const std::string& key() const { return key_; }
    void keep() { kept_ = true; }

private:
    const FileStorage& storage_;
    std::string key_;
    bool kept_ = false;
};

// Hex SHA-256 of the bytes.
std::string sha256_hex(std::string_view bytes);

}  // namespace ateliers::files
