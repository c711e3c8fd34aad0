#pragma once
// A kept file sent back: its own media type (from its content), a download unless it is
// a PDF or an image, under its name in both the plain and the RFC 6266 UTF-8 forms. The
// app adds X-Content-Type-Options: nosniff to every response, so a browser never reads
// it as anything else (an HTML page, a script).
#include <string>

#include "platform/files/file_records.hpp"
#include "platform/http/http.hpp"

namespace ateliers::web {

Response file_download(const files::StoredFile& file, std::string bytes);

// The Content-Disposition value for `name` (already a download_name).
std::string content_disposition(bool inline_view, const std::string& name);

}  // namespace ateliers::web
