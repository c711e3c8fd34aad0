#include "features/projects/domain/cooperation_log.hpp"

namespace ateliers::projects {

const std::vector<LogKind>& all_log_kinds() {
    static const std::vector<LogKind> all{LogKind::espace_reflexif, LogKind::groupe_de_pairs, LogKind::differend,
                                          LogKind::autre};
    return all;
}

std::string log_kind_name(LogKind k) {
    switch (k) {
        case LogKind::espace_reflexif: return "espace_reflexif";
        case LogKind::groupe_de_pairs: return "groupe_de_pairs";
        case LogKind::differend: return "differend";
        case LogKind::autre: return "autre";
    }
    return "autre";
}

std::optional<LogKind> parse_log_kind(const std::string& s) {
    for (auto k : all_log_kinds())
        if (log_kind_name(k) == s) return k;
    return std::nullopt;
}

// The seed's words: "Créer des espaces réflexifs / délibératifs", "groupes de pairs",
// "Mettre les différends au travail".
std::string log_kind_label(LogKind k) {
    switch (k) {
        case LogKind::espace_reflexif: return "Espace réflexif ou délibératif";
        case LogKind::groupe_de_pairs: return "Groupe de pairs";
        case LogKind::differend: return "Différend mis au travail";
        case LogKind::autre: return "Autre moment de coopération";
    }
    return "Autre moment de coopération";
}

}  // namespace ateliers::projects
