#pragma once
// Keeping an accepted upload: its bytes written to disk first, then its row recorded in
// the caller's transaction; the bytes go again if that transaction does not commit.
//
//   auto written = files::write_upload(storage, checked.value(), user_id, now);
//   ... in_transaction: id = files::insert_stored_file(sql, written->record); ...
//   if (done) written->pending->keep();
#include <memory>
#include <optional>

#include "platform/core/result.hpp"
#include "platform/files/file_records.hpp"
#include "platform/files/file_storage.hpp"
#include "platform/files/upload_rules.hpp"

namespace ateliers::files {

struct WrittenUpload {
    std::unique_ptr<PendingFile> pending;
    StoredFile record;  // id 0 until inserted
};

Result<WrittenUpload> write_upload(const FileStorage& storage, const CheckedUpload& upload,
                                   std::optional<long long> uploaded_by, long long now);

}  // namespace ateliers::files
