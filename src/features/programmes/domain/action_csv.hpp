#pragma once
// The plan's actions as a CSV table, the same format for export and import: the
// header line, then one action per line. Importing checks every line first and says
// what is wrong line by line; the service stores nothing unless every line is right.
// Status and progress are exported for reading; an import leaves them as they are
// (they change through follow-ups, which keep who changed what).
#include <string>
#include <vector>

namespace ateliers::programmes {

const std::vector<std::string>& action_csv_headers();

// Where a problem is, as a spreadsheet shows it: "Ligne 4, colonne C (Type) : ". Columns
// are lettered like the tableur's (A = Identifiant); `column` counts from 0.
std::string action_csv_position(int line, std::size_t column);

struct ActionCsvRow {
    int line = 0;        // in the file, header = 1
    long long id = 0;    // 0: a new action
    std::string title;
    std::string kind;
    std::vector<int> years;
    std::vector<std::string> families;
    std::string providers;
    std::vector<std::string> field_support;
    std::string description;
};

struct ActionCsvProblem {
    int line = 0;
    std::string message;  // French: "Ligne 4, colonne C (Type) : type d’action inconnu « atelier »."
};

struct ActionCsvImport {
    std::vector<ActionCsvRow> rows;
    std::vector<ActionCsvProblem> problems;
};

// `table`: the file's rows as read (header first). `family_codes`: the grid's families.
ActionCsvImport read_action_rows(const std::vector<std::vector<std::string>>& table,
                                 const std::vector<std::string>& family_codes);

}  // namespace ateliers::programmes
