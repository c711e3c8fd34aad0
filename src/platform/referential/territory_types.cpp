#include "platform/referential/territory_types.hpp"

namespace ateliers::territory {

const std::vector<TerritoryType>& all_types() {
    static const std::vector<TerritoryType> types{
        {"qpv", "Quartiers prioritaires (QPV)"}, {"villes", "Villes"},       {"petites_villes", "Petites villes"},
        {"villes_moyennes", "Villes moyennes"},  {"ruralites", "Ruralités"}, {"montagne", "Montagne"},
        {"outre_mer", "Outre-mer"},              {"bassin_minier", "Bassin minier"},
    };
    return types;
}

std::string label(const std::string& code) {
    for (const auto& t : all_types())
        if (code == t.code) return t.label;
    return code;
}

bool is_known(const std::string& code) {
    for (const auto& t : all_types())
        if (code == t.code) return true;
    return false;
}

std::vector<std::string> split_codes(const std::string& joined) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < joined.size()) {
        auto end = joined.find(',', start);
        if (end == std::string::npos) end = joined.size();
        if (end > start) out.push_back(joined.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string join_codes(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
    return out;
}

}  // namespace ateliers::territory
