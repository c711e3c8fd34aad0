#include "platform/http/file_download.hpp"

#include "platform/core/text.hpp"
#include "platform/files/media_types.hpp"

namespace ateliers::web {

std::string content_disposition(bool inline_view, const std::string& name) {
    // Old clients read only filename="…": plain ASCII there, the real name in filename*.
    std::string ascii;
    for (const char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80) {
            if ((c & 0xC0) == 0xC0) ascii += '_';  // one '_' per character, not per byte
        } else if (c >= 0x20 && c != 0x7f && ch != '"' && ch != '\\') {
            ascii += ch;
        }
    }
    return std::string(inline_view ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" +
           text::url_encode(name);
}

Response file_download(const files::StoredFile& file, std::string bytes) {
    const auto kind = files::kind_of_media_type(file.media_type);
    Response r;
    // A type we no longer accept is still only ever a download of bytes.
    r.content_type = kind ? file.media_type : "application/octet-stream";
    r.body = std::move(bytes);
    r.header("Content-Disposition", content_disposition(kind && files::shown_inline(*kind), file.original_name));
    r.header("Cache-Control", "private, no-cache");
    return r;
}

}  // namespace ateliers::web
