#pragma once
// Tabular exports (registrations, attendance, territories) for organisers who open
// them in Excel or LibreOffice: CSV tuned for a French-locale Excel, and XLSX.
#include <string>
#include <vector>

#include "platform/core/result.hpp"

namespace ateliers::spreadsheet {

struct Table {
    std::string sheet_name;                      // ≤ 31 chars, no []:*?/\ (sanitised on export)
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;  // cells as text; plain integers become numbers in XLSX
};

// UTF-8 with BOM (otherwise Excel reads it as Windows-1252), ';' separator (Excel's
// list separator in the French locale), CRLF, RFC 4180 quoting. Cells that a
// spreadsheet would take for a formula get a leading apostrophe.
std::string to_csv(const Table& t);

// Bytes of an .xlsx workbook with one sheet: bold frozen header row, autofilter,
// column widths fitted to the content.
Result<std::string> to_xlsx(const Table& t);

// Several tables in one file, for reports with sections. CSV: each table after a
// line holding its sheet_name, tables separated by an empty line. XLSX: one sheet
// per table (names sanitised, made unique with " (2)", " (3)"…).
std::string to_csv(const std::vector<Table>& sections);
Result<std::string> to_xlsx(const std::vector<Table>& sheets);

// Excel's sheet-name rules: at most 31 characters, none of []:*?/\, no leading or
// trailing apostrophe, not empty. Exposed for the tests and for download names.
std::string sanitise_sheet_name(const std::string& name);

}  // namespace ateliers::spreadsheet
