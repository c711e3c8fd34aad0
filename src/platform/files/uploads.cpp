#include "platform/files/uploads.hpp"

namespace ateliers::files {

Result<WrittenUpload> write_upload(const FileStorage& storage, const CheckedUpload& upload,
                                   std::optional<long long> uploaded_by, long long now) {
    auto key = storage.write(upload.bytes);
    if (!key) return key.failure();
    WrittenUpload out;
    out.pending = std::make_unique<PendingFile>(storage, key.value());
    out.record = {0,
                  key.value(),
                  upload.name,
                  std::string(media_type(upload.kind)),
                  static_cast<long long>(upload.bytes.size()),
                  sha256_hex(upload.bytes),
                  uploaded_by,
                  now};
    return out;
}

}  // namespace ateliers::files
