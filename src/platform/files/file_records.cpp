#include "platform/files/file_records.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::files {

namespace {

const char* columns = "SELECT id, storage_key, original_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at "
                      "FROM stored_files ";

StoredFile read_row(const soci::row& r) {
    using store::as_int, store::as_text;
    return {as_int(r, "id"),         as_text(r, "storage_key"), as_text(r, "original_name"),
            as_text(r, "media_type"), as_int(r, "size_bytes"),  as_text(r, "sha256"),
            store::as_optional_int(r, "uploaded_by"), as_int(r, "uploaded_at")};
}

}  // namespace

long long insert_stored_file(soci::session& sql, const StoredFile& f) {
    long long id = 0;
    const long long uploader = f.uploaded_by.value_or(0);
    soci::indicator uploader_set = f.uploaded_by ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO stored_files (storage_key, original_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at) "
           "VALUES (:k, :n, :m, :s, :h, :u, :at) RETURNING id",
        soci::use(f.storage_key), soci::use(f.original_name), soci::use(f.media_type), soci::use(f.size_bytes),
        soci::use(f.sha256), soci::use(uploader, uploader_set), soci::use(f.uploaded_at), soci::into(id);
    return id;
}

std::optional<StoredFile> find_stored_file(soci::session& sql, long long id) {
    std::optional<StoredFile> out;
    store::for_each_row(sql, std::string(columns) + "WHERE id = :id", [&](const soci::row& r) { out = read_row(r); },
                        soci::use(id));
    return out;
}

void delete_stored_file(soci::session& sql, long long id) {
    store::execute(sql, "DELETE FROM stored_files WHERE id = :id", soci::use(id));
}

std::vector<StoredFile> files_uploaded_by(soci::session& sql, long long user_id) {
    std::vector<StoredFile> out;
    store::for_each_row(sql, std::string(columns) + "WHERE uploaded_by = :u ORDER BY uploaded_at DESC, id DESC",
                        [&](const soci::row& r) { out.push_back(read_row(r)); }, soci::use(user_id));
    return out;
}

}  // namespace ateliers::files
