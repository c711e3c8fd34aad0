#pragma once
// What a file sent as CSV must be before it is read (csv_reader): not empty, small
// enough, text rather than a spreadsheet saved in its own format, and UTF-8. Told from
// the content, never from the name. Pure; the refusals are French messages for the
// form's file field.
#include <cstddef>
#include <string>
#include <string_view>

#include "platform/core/result.hpp"

namespace ateliers::spreadsheet {

// An import of a few hundred lines weighs a few dozen Ko; the limit only stops a wrong file.
constexpr std::size_t max_csv_bytes = 2u * 1024 * 1024;

// The text to give read_csv (a UTF-8 BOM left in: read_csv drops it), or a failure
// (invalid) whose `field` and `fields[field]` hold the message.
Result<std::string_view> csv_file_text(std::string_view bytes, const std::string& field,
                                       std::size_t max_bytes = max_csv_bytes);

}  // namespace ateliers::spreadsheet
