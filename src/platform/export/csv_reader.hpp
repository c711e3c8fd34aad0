#pragma once
// Reads back the CSV that spreadsheet::to_csv writes, and what Excel or LibreOffice save
// from it: optional UTF-8 BOM, ';' or ',' separator (guessed from the header line), CRLF
// or LF, RFC 4180 quotes. A leading apostrophe that to_csv added against formulas is
// removed. Pure.
#include <string>
#include <string_view>
#include <vector>

#include "platform/core/result.hpp"

namespace ateliers::spreadsheet {

// Rows of cells; blank lines are dropped. Fails (French message naming the line) on an
// unterminated quote.
Result<std::vector<std::vector<std::string>>> read_csv(std::string_view text);

}  // namespace ateliers::spreadsheet
