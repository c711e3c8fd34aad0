#pragma once
// multipart/form-data, the encoding of forms that send a file. Read with RESTinio's own
// helpers (restinio/helpers/multipart_body.hpp, file_upload.hpp); this header keeps
// RESTinio out of the handlers, as http.hpp does.
#include <string>
#include <string_view>
#include <vector>

#include "platform/core/result.hpp"
#include "platform/http/forms.hpp"
#include "platform/http/http.hpp"

namespace ateliers::web {

// Whole bodies of multipart forms are accepted up to this size (a file of 20 Mo and the
// form around it); the server's hard cap (server.cpp) lets them through.
constexpr std::size_t max_multipart_body_bytes = 24u * 1024 * 1024;

struct UploadedFile {
    std::string field;     // the form field's name
    std::string filename;  // as the browser sent it (decoded from filename* when given)
    std::string_view bytes;  // into the request's body: valid while the request lives
};

struct MultipartForm {
    FormFields fields;  // the text fields, valid UTF-8 like parse_urlencoded's
    std::vector<UploadedFile> files;  // a file field left empty by the browser is absent
    const UploadedFile* file(const std::string& field) const;
};

bool is_multipart_form(const Request& req);
// Refused (malformed, in French) when the body cannot be read as multipart/form-data.
Result<MultipartForm> read_multipart_form(const Request& req);

}  // namespace ateliers::web
