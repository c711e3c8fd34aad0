#pragma once
// Documents for people who file, print or edit them: a printable HTML page (the one the
// browser shows) turned into PDF or DOCX by Debian's tools rather than by hand-written
// encoders. PDF: WeasyPrint, which honours the page's print CSS (@page, page breaks), so the
// PDF and the browser's print look the same. DOCX: pandoc, which maps headings, lists and
// tables to Word styles the reader can edit.
#include <string>
#include <string_view>

#include "platform/core/result.hpp"

namespace ateliers::documents {

enum class Format { pdf, docx };

// The page must be a whole UTF-8 HTML document (<meta charset="utf-8">); relative links
// are not followed (no network, no file access beyond the page). Returns the file's bytes,
// or a technical failure with a French message when the tool is missing, fails or runs
// longer than a minute.
Result<std::string> convert_html(std::string_view html, Format format);

std::string_view media_type(Format format);
std::string_view file_extension(Format format);  // "pdf", "docx"

}  // namespace ateliers::documents
