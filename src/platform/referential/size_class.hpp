#pragma once
// Size classes used to give priority to small and medium communes and
// intercommunalités. Thresholds are documented in the README.
#include <string>

namespace ateliers::referential {

enum class CollectiviteKind { commune, epci, departement, region };

const char* kind_code(CollectiviteKind k);
bool parse_kind(const std::string& s, CollectiviteKind& out);

// Codes stored in collectivites.size_class.
//   communes: commune_small (< 3 500 inhabitants), commune_medium (3 500–19 999),
//             commune_large (20 000–99 999), commune_xlarge (≥ 100 000)
//   EPCI:     epci_small (< 30 000), epci_medium (30 000–99 999), epci_large (≥ 100 000,
//             and every métropole whatever its population)
//   departement, region: their own class (never "small or medium").
std::string size_class(CollectiviteKind kind, long long population, const std::string& epci_type);

std::string size_class_label(const std::string& code);

// Small and medium communes and intercommunalités: the agency's priority public.
bool is_priority_size_class(const std::string& code);

}  // namespace ateliers::referential
