#include "platform/export/spreadsheet.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "platform/core/text.hpp"

namespace ateliers::spreadsheet {
namespace {

// Formula injection (OWASP "CSV injection"): Excel and LibreOffice evaluate a cell
// that starts with one of these, so a participant's name could run a formula on
// the organiser's machine. The apostrophe makes it text and is hidden by Excel.
bool looks_like_formula(const std::string& cell) {
    if (cell.empty()) return false;
    switch (cell.front()) {
        case '=': case '+': case '-': case '@': case '\t': case '\r': return true;
        default: return false;
    }
}

bool needs_quotes(const std::string& cell) { return cell.find_first_of(";\"\r\n") != std::string::npos; }

void append_csv_cell(std::string& out, const std::string& raw) {
    const std::string cell = looks_like_formula(raw) ? "'" + raw : raw;
    if (!needs_quotes(cell)) {
        out += cell;
        return;
    }
    out.push_back('"');
    for (char c : cell) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

void append_csv_row(std::string& out, const std::vector<std::string>& cells, std::size_t width) {
    // Short rows are padded so that every line has the same number of separators.
    const auto n = std::max(width, cells.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) out.push_back(';');
        if (i < cells.size()) append_csv_cell(out, cells[i]);
    }
    out += "\r\n";
}

// Keeps the first `limit` code points of valid UTF-8.
std::string first_chars(const std::string& s, std::size_t limit) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool starts_char = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
        if (starts_char && chars++ == limit) return s.substr(0, i);
    }
    return s;
}

// Integers are written as numbers so that organisers can sum them; anything with a
// leading zero (postal codes, INSEE codes) or too long for a double stays text.
bool is_plain_integer(const std::string& cell) {
    const std::size_t start = (!cell.empty() && cell[0] == '-') ? 1 : 0;
    const std::size_t digits = cell.size() - start;
    if (digits == 0 || digits > 15) return false;
    if (cell[start] == '0' && digits > 1) return false;
    if (start == 1 && digits == 1 && cell[1] == '0') return false;  // "-0"
    return std::all_of(cell.begin() + static_cast<std::ptrdiff_t>(start), cell.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
}

// Decided per column, so that a column of postal codes where one starts with 0 is
// text throughout instead of a mix Excel flags with green triangles.
std::vector<bool> numeric_columns(const Table& t, std::size_t columns) {
    std::vector<bool> numeric(columns, true), seen(columns, false);
    for (const auto& row : t.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (row[c].empty()) continue;
            seen[c] = true;
            if (!is_plain_integer(row[c])) numeric[c] = false;
        }
    }
    for (std::size_t c = 0; c < columns; ++c) numeric[c] = numeric[c] && seen[c];
    return numeric;
}

// Excel measures widths in characters of the default font; the longest line of the
// column plus a little room for the autofilter arrow, within reason.
double column_width(const Table& t, std::size_t col) {
    std::size_t widest = col < t.headers.size() ? text::length_in_chars(t.headers[col]) + 3 : 0;
    for (const auto& row : t.rows) {
        if (col >= row.size()) continue;
        std::size_t start = 0;
        const auto& cell = row[col];
        while (start <= cell.size()) {
            auto end = cell.find('\n', start);
            if (end == std::string::npos) end = cell.size();
            widest = std::max(widest, text::length_in_chars(std::string_view(cell).substr(start, end - start)));
            start = end + 1;
        }
    }
    return static_cast<double>(std::clamp<std::size_t>(widest + 2, 8, 60));
}

struct TempFile {
    std::filesystem::path path;
    ~TempFile() {
        std::error_code ignored;
        if (!path.empty()) std::filesystem::remove(path, ignored);
    }
};

Result<std::string> read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail("Impossible de relire le fichier XLSX généré.", {}, FailureKind::technical);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) return fail("Impossible de relire le fichier XLSX généré.", {}, FailureKind::technical);
    return bytes;
}

Failure writer_failure(lxw_error error) {
    return fail(std::string("Échec de la création du fichier XLSX : ") + lxw_strerror(error), {}, FailureKind::technical);
}

// Fills the sheet; the workbook is closed (and freed) by the caller whatever happens.
Status fill(lxw_workbook* book, lxw_worksheet* sheet, const Table& t) {
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format* integer = workbook_add_format(book);
    format_set_num_format(integer, "0");  // never 1,23E+13 for a long identifier

    std::size_t columns = t.headers.size();
    for (const auto& row : t.rows) columns = std::max(columns, row.size());
    const std::size_t has_header = t.headers.empty() ? 0 : 1;
    if (columns > LXW_COL_MAX || t.rows.size() + has_header > LXW_ROW_MAX) {
        return fail("Le tableau est trop grand pour un fichier Excel.", {}, FailureKind::invalid);
    }

    const auto numeric = numeric_columns(t, columns);
    for (std::size_t c = 0; c < t.headers.size(); ++c) {
        if (auto e = worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), t.headers[c].c_str(), bold)) {
            return writer_failure(e);
        }
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto row = static_cast<lxw_row_t>(r + has_header);
        for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
            const auto& cell = t.rows[r][c];
            const auto col = static_cast<lxw_col_t>(c);
            if (cell.empty()) continue;
            // Shared strings are never evaluated, so no apostrophe is needed here.
            const lxw_error e = numeric[c]
                                    ? worksheet_write_number(sheet, row, col, std::strtod(cell.c_str(), nullptr), integer)
                                    : worksheet_write_string(sheet, row, col, cell.c_str(), nullptr);
            if (e) return writer_failure(e);
        }
    }
    for (std::size_t c = 0; c < columns; ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        if (auto e = worksheet_set_column(sheet, col, col, column_width(t, c), nullptr)) return writer_failure(e);
    }
    if (has_header) {
        worksheet_freeze_panes(sheet, 1, 0);
        const auto last_row = static_cast<lxw_row_t>(t.rows.size());
        const auto last_col = static_cast<lxw_col_t>(columns - 1);
        if (auto e = worksheet_autofilter(sheet, 0, 0, last_row, last_col)) return writer_failure(e);
    }
    return Done{};
}

bool all_valid_utf8(const Table& t) {
    auto valid = [](const std::string& s) { return text::is_valid_utf8(s); };
    if (!valid(t.sheet_name) || !std::all_of(t.headers.begin(), t.headers.end(), valid)) return false;
    return std::all_of(t.rows.begin(), t.rows.end(),
                       [&](const auto& row) { return std::all_of(row.begin(), row.end(), valid); });
}

}  // namespace

std::string sanitise_sheet_name(const std::string& name) {
    std::string out;
    for (char c : name) {
        const bool forbidden = std::string_view("[]:*?/\\").find(c) != std::string_view::npos;
        const bool control = static_cast<unsigned char>(c) < 0x20;
        out.push_back(forbidden || control ? '-' : c);
    }
    out = first_chars(text::trim(out), 31);
    while (!out.empty() && out.front() == '\'') out.erase(0, 1);
    while (!out.empty() && out.back() == '\'') out.pop_back();
    out = text::trim(out);
    return out.empty() ? "Feuille 1" : out;
}

std::string to_csv(const Table& t) {
    std::string out = "\xEF\xBB\xBF";
    if (!t.headers.empty()) append_csv_row(out, t.headers, t.headers.size());
    for (const auto& row : t.rows) append_csv_row(out, row, t.headers.size());
    return out;
}

std::string to_csv(const std::vector<Table>& sections) {
    std::string out = "\xEF\xBB\xBF";
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const auto& t = sections[i];
        if (i > 0) out += "\r\n";
        append_csv_row(out, {t.sheet_name}, 1);
        if (!t.headers.empty()) append_csv_row(out, t.headers, t.headers.size());
        for (const auto& row : t.rows) append_csv_row(out, row, t.headers.size());
    }
    return out;
}

Result<std::string> to_xlsx(const Table& t) { return to_xlsx(std::vector<Table>{t}); }

Result<std::string> to_xlsx(const std::vector<Table>& sheets) {
    // libxlsxwriter would write invalid XML, which Excel then offers to "repair".
    if (!std::all_of(sheets.begin(), sheets.end(), all_valid_utf8))
        return fail("Le tableau contient du texte dont l'encodage n'est pas valide.", {}, FailureKind::technical);

    std::error_code ec;
    const auto dir = std::filesystem::temp_directory_path(ec);
    if (ec) return fail("Aucun répertoire temporaire pour créer le fichier XLSX.", {}, FailureKind::technical);
    std::string pattern = (dir / "ateliers-export-XXXXXX").string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0) return fail("Impossible de créer le fichier XLSX temporaire.", {}, FailureKind::technical);
    ::close(fd);
    TempFile file{pattern};

    lxw_workbook* book = workbook_new(pattern.c_str());
    if (!book) return fail("Impossible de créer le classeur XLSX.", {}, FailureKind::technical);
    Status filled = Done{};
    std::vector<std::string> used;  // Excel compares sheet names case-insensitively
    for (std::size_t i = 0; i < sheets.size() && filled.ok(); ++i) {
        const auto base = sanitise_sheet_name(sheets[i].sheet_name);
        auto name = base;
        for (int n = 2; std::find(used.begin(), used.end(), text::lower_ascii(name)) != used.end(); ++n) {
            const auto suffix = " (" + std::to_string(n) + ")";
            name = first_chars(base, 31 - suffix.size()) + suffix;
        }
        used.push_back(text::lower_ascii(name));
        lxw_worksheet* sheet = workbook_add_worksheet(book, name.c_str());
        filled = sheet ? fill(book, sheet, sheets[i]) : Status(fail("Nom de feuille refusé : " + name, {}, FailureKind::technical));
    }
    const lxw_error closed = workbook_close(book);  // writes the file and frees the workbook
    if (!filled) return filled.failure();
    if (closed != LXW_NO_ERROR) return writer_failure(closed);
    return read_all(file.path);
}

}  // namespace ateliers::spreadsheet
