#include "platform/referential/referential_import.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "platform/referential/size_class.hpp"
#include "platform/core/text.hpp"
#include "platform/core/source_dir.hpp"

namespace ateliers::store {

namespace {

using nlohmann::json;
using referential::CollectiviteKind;

Result<json> read_json(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail("Fichier du référentiel introuvable : " + path + " (lancez « npm ci » à la racine du projet).");
    try {
        return json::parse(in);
    } catch (const std::exception& e) {
        return fail("Fichier du référentiel illisible : " + path + " : " + e.what());
    }
}

std::string str(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

long long num(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<long long>() : 0;
}

// The département holding most of an EPCI's member communes: EPCI data carries no seat.
std::string main_departement(const json& epci, const std::map<std::string, std::string>& commune_departement) {
    std::map<std::string, int> votes;
    for (const auto& m : epci.value("membres", json::array())) {
        const auto it = commune_departement.find(str(m, "code"));
        if (it != commune_departement.end()) ++votes[it->second];
    }
    std::string best;
    int best_votes = 0;
    for (const auto& [dep, n] : votes)
        if (n > best_votes) best = dep, best_votes = n;
    return best;
}

struct CollectiviteUpsert {
    std::string id, kind, code, name, search_name, epci_type, size_class, zone, departement, region, siren;
    long long population = 0;
    soci::indicator epci_indicator = soci::i_null;
    std::string epci_id;
};

}  // namespace

std::string default_referential_dir() {
    if (const char* env = std::getenv("ATELIERS_REFERENTIAL_DIR")) return env;
    return source_dir() + "/node_modules/@etalab/decoupage-administratif/data";
}

Result<ReferentialCounts> import_referential(Database& db, const std::string& data_dir) {
    auto regions = read_json(data_dir + "/regions.json");
    if (!regions) return regions.failure();
    auto departements = read_json(data_dir + "/departements.json");
    if (!departements) return departements.failure();
    auto communes = read_json(data_dir + "/communes.json");
    if (!communes) return communes.failure();
    auto epcis = read_json(data_dir + "/epci.json");
    if (!epcis) return epcis.failure();

    ReferentialCounts counts;
    try {
        soci::session sql(db.pool());
        Transaction tx(sql, db.dialect());

        std::string code, name, zone, region;
        soci::statement region_upsert =
            (sql.prepare << "INSERT INTO regions (code, name, zone) VALUES (:c, :n, :z) "
                            "ON CONFLICT (code) DO UPDATE SET name = excluded.name, zone = excluded.zone",
             soci::use(code), soci::use(name), soci::use(zone));
        for (const auto& r : regions.value()) {
            code = str(r, "code"), name = str(r, "nom"), zone = str(r, "zone");
            region_upsert.execute(true);
            ++counts.regions;
        }
        soci::statement departement_upsert =
            (sql.prepare << "INSERT INTO departements (code, name, region_code, zone) VALUES (:c, :n, :r, :z) "
                            "ON CONFLICT (code) DO UPDATE SET name = excluded.name, region_code = excluded.region_code, "
                            "zone = excluded.zone",
             soci::use(code), soci::use(name), soci::use(region), soci::use(zone));
        for (const auto& d : departements.value()) {
            code = str(d, "code"), name = str(d, "nom"), region = str(d, "region"), zone = str(d, "zone");
            departement_upsert.execute(true);
            ++counts.departements;
        }

        CollectiviteUpsert row;
        soci::statement collectivite_upsert =
            (sql.prepare << "INSERT INTO collectivites (id, kind, code, name, search_name, epci_type, population, "
                            "size_class, zone, departement_code, region_code, siren, epci_id) "
                            "VALUES (:id, :kind, :code, :name, :search, :etype, :pop, :size, :zone, :dep, :reg, "
                            ":siren, :epci) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                            "search_name = excluded.search_name, epci_type = excluded.epci_type, "
                            "population = excluded.population, size_class = excluded.size_class, "
                            "zone = excluded.zone, departement_code = excluded.departement_code, "
                            "region_code = excluded.region_code, siren = excluded.siren, epci_id = excluded.epci_id",
             soci::use(row.id), soci::use(row.kind), soci::use(row.code), soci::use(row.name),
             soci::use(row.search_name), soci::use(row.epci_type), soci::use(row.population),
             soci::use(row.size_class), soci::use(row.zone), soci::use(row.departement), soci::use(row.region),
             soci::use(row.siren), soci::use(row.epci_id, row.epci_indicator));
        const auto put = [&](CollectiviteKind kind) {
            row.kind = referential::kind_code(kind);
            row.id = row.kind + ":" + row.code;
            row.search_name = text::fold_for_search(row.name);
            row.size_class = referential::size_class(kind, row.population, row.epci_type);
            collectivite_upsert.execute(true);
        };

        std::map<std::string, std::string> region_zone;
        for (const auto& r : regions.value()) {
            row = {};
            row.code = str(r, "code"), row.name = str(r, "nom"), row.zone = str(r, "zone");
            row.region = row.code;
            region_zone[row.code] = row.zone;
            put(CollectiviteKind::region);
        }
        for (const auto& d : departements.value()) {
            row = {};
            row.code = str(d, "code"), row.name = str(d, "nom"), row.zone = str(d, "zone");
            row.departement = row.code, row.region = str(d, "region");
            put(CollectiviteKind::departement);
        }

        std::map<std::string, std::string> commune_departement, departement_region, commune_epci;
        for (const auto& d : departements.value()) departement_region[str(d, "code")] = str(d, "region");
        for (const auto& c : communes.value())
            if (str(c, "type") == "commune-actuelle") commune_departement[str(c, "code")] = str(c, "departement");
        for (const auto& e : epcis.value()) {
            row = {};
            row.code = str(e, "code"), row.name = str(e, "nom"), row.epci_type = str(e, "type");
            row.population = num(e, "populationTotale") ? num(e, "populationTotale") : num(e, "populationMunicipale");
            row.siren = row.code;
            row.departement = main_departement(e, commune_departement);
            row.region = departement_region[row.departement];
            row.zone = region_zone.count(row.region) ? region_zone[row.region] : "metro";
            put(CollectiviteKind::epci);
            for (const auto& m : e.value("membres", json::array())) commune_epci[str(m, "code")] = "epci:" + row.code;
            ++counts.epci;
        }
        for (const auto& c : communes.value()) {
            if (str(c, "type") != "commune-actuelle") continue;
            row = {};
            row.code = str(c, "code"), row.name = str(c, "nom"), row.zone = str(c, "zone");
            row.population = num(c, "population");
            row.departement = str(c, "departement"), row.region = str(c, "region"), row.siren = str(c, "siren");
            if (const auto it = commune_epci.find(row.code); it != commune_epci.end()) {
                row.epci_id = it->second;
                row.epci_indicator = soci::i_ok;
            }
            put(CollectiviteKind::commune);
            ++counts.communes;
        }
        tx.commit();
    } catch (const std::exception& e) {
        return technical_failure(e);
    }
    spdlog::info("referential imported: {} régions, {} départements, {} communes, {} EPCI", counts.regions,
                 counts.departements, counts.communes, counts.epci);
    return counts;
}

}  // namespace ateliers::store
