#pragma once
// Reading the referential: one collectivité by id, and the search behind the
// autocomplete (name, INSEE code, SIREN or postcode-free code).
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

struct CollectiviteRow {
    std::string id;
    std::string kind;
    std::string code;
    std::string name;
    std::string epci_type;
    long long population = 0;
    std::string size_class;
    std::string zone;
    std::string departement_code;
    std::string region_code;
    std::string departement_name;
};

std::optional<CollectiviteRow> find_collectivite(soci::session& sql, const std::string& id);

// Best matches first: exact code, then names starting with the query, then names
// containing it; larger populations first within each group.
std::vector<CollectiviteRow> search_collectivites(soci::session& sql, const std::string& query, int limit);

// "Pélussin (42) – commune" style label used in lists and the autocomplete.
std::string collectivite_label(const CollectiviteRow& c);

long long count_collectivites(soci::session& sql);

// The collectivité a page address names: "kind-code" ("region-84", "epci-244200895"), or
// a bare code as the referential stores it (INSEE code of a commune, SIREN of an EPCI,
// département or région code), then a SIREN. A bare code shared by a département and a
// région ("84") names the département: the région is "region-84".
std::optional<CollectiviteRow> find_collectivite_by_code(soci::session& sql, const std::string& code);

// The collectivités that contain `c`, from the nearest: a commune's EPCI, then the
// département, then the région; those missing from the referential are left out.
std::vector<CollectiviteRow> enclosing_collectivites(soci::session& sql, const CollectiviteRow& c);

// The communes whose EPCI is `epci_id`, by name.
std::vector<CollectiviteRow> epci_member_communes(soci::session& sql, const std::string& epci_id);

}  // namespace ateliers::store
