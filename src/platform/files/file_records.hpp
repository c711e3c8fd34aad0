#pragma once
// The stored_files table: what each kept file is (its bytes are on disk, platform/files/
// file_storage). Run inside the caller's transaction.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace ateliers::files {

struct StoredFile {
    long long id = 0;
    std::string storage_key;    // the name on disk
    std::string original_name;  // as offered for download (download_name)
    std::string media_type;     // from the content
    long long size_bytes = 0;
    std::string sha256;         // hex, to tell a damaged copy and for the person's data export
    std::optional<long long> uploaded_by;
    long long uploaded_at = 0;
};

long long insert_stored_file(soci::session& sql, const StoredFile& f);
std::optional<StoredFile> find_stored_file(soci::session& sql, long long id);
void delete_stored_file(soci::session& sql, long long id);
// What a person uploaded, newest first ("Mes données").
std::vector<StoredFile> files_uploaded_by(soci::session& sql, long long user_id);

}  // namespace ateliers::files
