#include "platform/referential/size_class.hpp"

namespace ateliers::referential {

const char* kind_code(CollectiviteKind k) {
    switch (k) {
        case CollectiviteKind::commune: return "commune";
        case CollectiviteKind::epci: return "epci";
        case CollectiviteKind::departement: return "departement";
        case CollectiviteKind::region: return "region";
    }
    return "commune";
}

bool parse_kind(const std::string& s, CollectiviteKind& out) {
    for (auto k : {CollectiviteKind::commune, CollectiviteKind::epci, CollectiviteKind::departement,
                   CollectiviteKind::region})
        if (s == kind_code(k)) {
            out = k;
            return true;
        }
    return false;
}

std::string size_class(CollectiviteKind kind, long long population, const std::string& epci_type) {
    switch (kind) {
        case CollectiviteKind::commune:
            if (population < 3500) return "commune_small";
            if (population < 20000) return "commune_medium";
            if (population < 100000) return "commune_large";
            return "commune_xlarge";
        case CollectiviteKind::epci:
            if (epci_type == "METRO" || population >= 100000) return "epci_large";
            if (population < 30000) return "epci_small";
            return "epci_medium";
        case CollectiviteKind::departement: return "departement";
        case CollectiviteKind::region: return "region";
    }
    return "commune_small";
}

std::string size_class_label(const std::string& code) {
    if (code == "commune_small") return "Commune de moins de 3 500 habitants";
    if (code == "commune_medium") return "Commune de 3 500 à 19 999 habitants";
    if (code == "commune_large") return "Commune de 20 000 à 99 999 habitants";
    if (code == "commune_xlarge") return "Commune de 100 000 habitants ou plus";
    if (code == "epci_small") return "Intercommunalité de moins de 30 000 habitants";
    if (code == "epci_medium") return "Intercommunalité de 30 000 à 99 999 habitants";
    if (code == "epci_large") return "Intercommunalité de 100 000 habitants ou plus, ou métropole";
    if (code == "departement") return "Département";
    if (code == "region") return "Région";
    return code;
}

bool is_priority_size_class(const std::string& code) {
    return code == "commune_small" || code == "commune_medium" || code == "epci_small" || code == "epci_medium";
}

}  // namespace ateliers::referential
