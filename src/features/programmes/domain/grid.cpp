#include "features/programmes/domain/grid.hpp"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

namespace ateliers::programmes {

namespace {

std::string text_of(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

}  // namespace

Result<long long> grid_for_new_assessment(const std::vector<GridVersionInfo>& versions,
                                          std::optional<long long> requested, bool may_choose) {
    if (versions.empty()) return fail("Aucune grille des savoir-faire n’est chargée.", {}, FailureKind::technical);
    const auto newest = *std::max_element(versions.begin(), versions.end(),
                                          [](const GridVersionInfo& a, const GridVersionInfo& b) { return a.version < b.version; });
    if (!requested || *requested == newest.id) return newest.id;
    const auto it = std::find_if(versions.begin(), versions.end(), [&](const GridVersionInfo& v) { return v.id == *requested; });
    if (it == versions.end())
        return fail("Cette version de la grille des savoir-faire n’existe pas.", "grid_version_id", FailureKind::invalid);
    if (!may_choose)
        return fail("La grille des savoir-faire est maintenant en version " + std::to_string(newest.version) +
                        " : rechargez la page (seule l’ANCT peut commencer sur une version plus ancienne).",
                    "grid_version_id", FailureKind::conflict);
    return it->id;
}

Result<Grid> parse_grid(const std::string& json_text) {
    const auto doc = nlohmann::json::parse(json_text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return fail("La grille n’est pas un document JSON valide.");
    Grid g;
    if (!doc.contains("version") || !doc["version"].is_number_integer() || doc["version"].get<int>() < 1)
        return fail("La grille doit porter un numéro de version entier positif.");
    g.version = doc["version"].get<int>();
    g.title = text_of(doc, "title");
    g.notice = text_of(doc, "notice");
    g.is_default = doc.value("default", false);
    if (g.title.empty()) return fail("La grille doit avoir un titre.");
    if (!doc.contains("levels") || !doc["levels"].is_array() || doc["levels"].size() < 2)
        return fail("La grille doit définir une échelle d’au moins deux niveaux.");
    int expected = 1;
    for (const auto& l : doc["levels"]) {
        if (!l.is_object() || !l.contains("value") || !l["value"].is_number_integer() || l["value"].get<int>() != expected)
            return fail("Les niveaux de la grille doivent être numérotés 1, 2, 3… dans l’ordre.");
        g.levels.push_back({expected, text_of(l, "label"), text_of(l, "descriptor")});
        if (g.levels.back().label.empty()) return fail("Chaque niveau de la grille doit avoir un libellé.");
        ++expected;
    }
    std::set<std::string> family_codes;
    if (!doc.contains("families") || !doc["families"].is_array() || doc["families"].empty())
        return fail("La grille doit avoir au moins une famille de savoir-faire.");
    std::set<std::string> criterion_codes;
    for (const auto& f : doc["families"]) {
        GridFamily fam{text_of(f, "code"), text_of(f, "title"), text_of(f, "description")};
        if (fam.code.empty() || fam.title.empty()) return fail("Chaque famille doit avoir un code et un titre.");
        if (!family_codes.insert(fam.code).second) return fail("La famille « " + fam.code + " » est définie deux fois.");
        if (!f.contains("criteria") || !f["criteria"].is_array() || f["criteria"].empty())
            return fail("La famille « " + fam.title + " » n’a aucun critère.");
        for (const auto& c : f["criteria"]) {
            GridCriterion crit;
            crit.code = text_of(c, "code");
            crit.family_code = fam.code;
            crit.title = text_of(c, "title");
            crit.description = text_of(c, "description");
            if (crit.code.empty() || crit.title.empty())
                return fail("Un critère de la famille « " + fam.title + " » n’a pas de code ou de titre.");
            if (!criterion_codes.insert(crit.code).second)
                return fail("Le critère « " + crit.code + " » est défini deux fois.");
            if (c.contains("levels") && c["levels"].is_array())
                for (const auto& d : c["levels"])
                    if (d.is_string()) crit.level_descriptors.push_back(d.get<std::string>());
            if (crit.level_descriptors.size() != g.levels.size())
                return fail("Le critère « " + crit.code + " » doit décrire chacun des " + std::to_string(g.levels.size()) +
                            " niveaux.");
            g.criteria.push_back(std::move(crit));
        }
        g.families.push_back(std::move(fam));
    }
    return g;
}

std::string answer_problem(const LevelAnswer& answer, const Grid& grid) {
    if (answer.grid_version_id != grid.id)
        return "Ce critère appartient à une autre version de la grille : la réponse n’a pas été enregistrée.";
    const bool known = std::any_of(grid.criteria.begin(), grid.criteria.end(),
                                   [&](const GridCriterion& c) { return c.id == answer.criterion_id; });
    if (!known) return "Ce critère n’existe pas dans cette version de la grille.";
    if (answer.level && (*answer.level < grid.min_level() || *answer.level > grid.max_level()))
        return "Le niveau doit être compris entre " + std::to_string(grid.min_level()) + " et " +
               std::to_string(grid.max_level()) + ".";
    return {};
}

std::vector<FamilyScore> family_scores(const Grid& grid, const std::map<long long, int>& levels_by_criterion) {
    std::vector<FamilyScore> out;
    const int max = grid.max_level();
    for (const auto& fam : grid.families) {
        FamilyScore s;
        s.family_code = fam.code;
        long long sum = 0;
        for (const auto& c : grid.criteria) {
            if (c.family_code != fam.code) continue;
            ++s.criteria;
            auto it = levels_by_criterion.find(c.id);
            if (it == levels_by_criterion.end() || it->second < grid.min_level() || it->second > max) continue;
            ++s.rated;
            sum += it->second;
        }
        if (s.rated > 0 && max > 0) s.percent = 100.0 * static_cast<double>(sum) / (s.rated * max);
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<FamilyChange> compare(const std::vector<FamilyScore>& before, const std::vector<FamilyScore>& after) {
    std::vector<FamilyChange> out;
    auto find = [](const std::vector<FamilyScore>& v, const std::string& code) -> std::optional<double> {
        for (const auto& s : v)
            if (s.family_code == code) return s.percent;
        return std::nullopt;
    };
    std::set<std::string> seen;
    for (const auto& a : after) {
        FamilyChange c{a.family_code, find(before, a.family_code), a.percent, std::nullopt};
        if (c.before && c.after) c.delta = *c.after - *c.before;
        out.push_back(std::move(c));
        seen.insert(a.family_code);
    }
    for (const auto& b : before)
        if (!seen.count(b.family_code)) out.push_back({b.family_code, b.percent, std::nullopt, std::nullopt});
    return out;
}

}  // namespace ateliers::programmes
