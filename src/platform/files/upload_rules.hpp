#pragma once
// What an uploaded file must be to be kept: not empty, not over the size limit, of an
// accepted kind by its content. Pure; the refusals are the French messages shown beside
// the form's file field, the rest of the form being kept.
#include <cstddef>
#include <string>
#include <string_view>

#include "platform/core/result.hpp"
#include "platform/files/media_types.hpp"

namespace ateliers::files {

// One file of at most 20 Mo (MiB, as every file manager counts them).
constexpr std::size_t max_file_bytes = 20u * 1024 * 1024;

struct CheckedUpload {
    MediaKind kind;
    std::string name;  // download_name() of what was sent
    std::string_view bytes;
};

// `field`: the form field the refusal belongs to. No file chosen (empty name and no
// bytes) is refused too: a form that offers a file field asks for one.
Result<CheckedUpload> check_upload(std::string_view sent_name, std::string_view bytes, const std::string& field,
                                   std::size_t max_bytes = max_file_bytes);

// "850 Ko", "2,4 Mo": sizes as people read them.
std::string size_label(long long bytes);

// "PDF – 850 Ko": what a link to a stored file says beside its name ("Fichier – …" for a
// media type the platform does not know).
std::string format_and_size_label(std::string_view media_type, long long bytes);

}  // namespace ateliers::files
