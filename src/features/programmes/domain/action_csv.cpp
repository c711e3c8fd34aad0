#include "features/programmes/domain/action_csv.hpp"

#include <algorithm>

#include "features/programmes/domain/plan_rules.hpp"
#include "features/programmes/domain/plan_snapshot.hpp"
#include "platform/core/text.hpp"

namespace ateliers::programmes {

const std::vector<std::string>& action_csv_headers() {
    static const std::vector<std::string> h{"Identifiant", "Intitulé",         "Type",   "Années",         "Familles",
                                            "Prestataires", "Appui de terrain", "Statut", "Avancement (%)", "Description"};
    return h;
}

std::string action_csv_position(int line, std::size_t column) {
    const auto& headers = action_csv_headers();
    std::string out = "Ligne " + std::to_string(line) + ", colonne " + std::string(1, static_cast<char>('A' + column % 26));
    if (column < headers.size()) out += " (" + headers[column] + ")";
    return out + " : ";
}

ActionCsvImport read_action_rows(const std::vector<std::vector<std::string>>& table,
                                 const std::vector<std::string>& family_codes) {
    ActionCsvImport out;
    const auto& headers = action_csv_headers();
    if (table.empty()) {
        out.problems.push_back({1, "Le fichier est vide : gardez la ligne d’en-tête de l’export."});
        return out;
    }
    for (std::size_t i = 0; i < headers.size(); ++i)
        if (i >= table[0].size() || ateliers::text::trim(table[0][i]) != headers[i]) {
            out.problems.push_back({1, "Ligne 1, colonne " + std::string(1, static_cast<char>('A' + i)) +
                                           " : cette colonne doit s’appeler « " + headers[i] +
                                           " » (vérifiez aussi le séparateur, point-virgule ou virgule) : repartez du "
                                           "fichier exporté."});
            return out;
        }
    if (table.size() == 1) out.problems.push_back({1, "Le fichier ne contient aucune action."});
    for (std::size_t r = 1; r < table.size(); ++r) {
        const int line = static_cast<int>(r) + 1;
        auto cell = [&](std::size_t i) { return i < table[r].size() ? ateliers::text::trim(table[r][i]) : std::string(); };
        auto problem = [&](std::size_t column, const std::string& m) {
            out.problems.push_back({line, action_csv_position(line, column) + m});
        };
        ActionCsvRow row;
        row.line = line;
        const auto before = out.problems.size();
        if (!cell(0).empty()) {
            auto id = ateliers::text::parse_bounded_integer(cell(0), 1, 1'000'000'000'000);
            if (!id) problem(0, "l’identifiant « " + cell(0) + " » n’est pas celui d’une action exportée.");
            else row.id = *id;
        }
        row.title = cell(1);
        if (row.title.empty()) problem(1, "l’intitulé est vide.");
        else if (ateliers::text::length_in_chars(row.title) > 200) problem(1, "l’intitulé dépasse 200 caractères.");
        row.kind = cell(2);
        ActionKind kind;
        if (!parse_action_kind(row.kind, kind))
            problem(2, "type d’action inconnu « " + row.kind + " » (formation, conduite_changement ou projet_phare).");
        row.years = parse_years(cell(3));
        if (row.years.empty() && !cell(3).empty()) problem(3, "années illisibles « " + cell(3) + " » (par exemple 1,2).");
        else if (auto p = years_problem(row.years); !p.empty()) problem(3, p);
        row.families = split_codes(cell(4));
        for (const auto& f : row.families)
            if (std::find(family_codes.begin(), family_codes.end(), f) == family_codes.end())
                problem(4, "famille de savoir-faire inconnue « " + f + " ».");
        row.providers = cell(5);
        if (ateliers::text::length_in_chars(row.providers) > 500) problem(5, "la liste des prestataires dépasse 500 caractères.");
        row.field_support = split_codes(cell(6));
        for (const auto& s : row.field_support) {
            FieldSupport f;
            if (!parse_field_support(s, f)) problem(6, "appui de terrain inconnu « " + s + " » (cifre, vta ou service_civique).");
        }
        row.description = r < table.size() && table[r].size() > 9 ? table[r][9] : "";
        if (ateliers::text::length_in_chars(row.description) > 4000) problem(9, "la description dépasse 4 000 caractères.");
        if (out.problems.size() == before) out.rows.push_back(std::move(row));
    }
    return out;
}

}  // namespace ateliers::programmes
