#include "platform/export/csv_reader.hpp"

namespace ateliers::spreadsheet {

namespace {

char guess_separator(std::string_view text) {
    const auto end = text.find('\n');
    const auto first = text.substr(0, end);
    std::size_t semicolons = 0, commas = 0;
    for (char c : first) semicolons += c == ';', commas += c == ',';
    return commas > semicolons ? ',' : ';';
}

std::string unguard(std::string cell) {
    // to_csv writes '=…, '+…, '-…, '@… so that a spreadsheet keeps them as text.
    if (cell.size() >= 2 && cell[0] == '\'' && (cell[1] == '=' || cell[1] == '+' || cell[1] == '-' || cell[1] == '@'))
        cell.erase(0, 1);
    return cell;
}

}  // namespace

Result<std::vector<std::vector<std::string>>> read_csv(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const char sep = guess_separator(text);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false, any = false;
    int line = 1, quote_line = 0;
    auto end_row = [&] {
        row.push_back(unguard(std::move(cell)));
        cell.clear();
        bool blank = true;
        for (const auto& c : row) blank = blank && c.empty();
        if (!blank) rows.push_back(std::move(row));
        row.clear();
        any = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') cell.push_back('"'), ++i;
                else quoted = false;
            } else {
                if (c == '\n') ++line;
                cell.push_back(c);
            }
            continue;
        }
        if (c == '"' && cell.empty()) quoted = true, quote_line = line, any = true;
        else if (c == sep) row.push_back(unguard(std::move(cell))), cell.clear(), any = true;
        else if (c == '\r') continue;
        else if (c == '\n') end_row(), ++line;
        else cell.push_back(c), any = true;
    }
    if (quoted)
        return fail("Ligne " + std::to_string(quote_line) + " : un guillemet ouvert n’est jamais fermé.", {},
                    FailureKind::invalid);
    if (any || !row.empty()) end_row();
    return rows;
}

}  // namespace ateliers::spreadsheet
