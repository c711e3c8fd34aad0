#include "platform/referential/collectivites.hpp"

#include "platform/core/text.hpp"
#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

namespace {

const char* select_columns =
    "SELECT c.id, c.kind, c.code, c.name, c.epci_type, c.population, c.size_class, c.zone, c.departement_code, "
    "c.region_code, COALESCE(d.name, '') AS departement_name FROM collectivites c LEFT JOIN departements d ON d.code = c.departement_code ";

CollectiviteRow from_row(const soci::row& r) {
    CollectiviteRow c;
    c.id = as_text(r, "id");
    c.kind = as_text(r, "kind");
    c.code = as_text(r, "code");
    c.name = as_text(r, "name");
    c.epci_type = as_text(r, "epci_type");
    c.population = as_int(r, "population");
    c.size_class = as_text(r, "size_class");
    c.zone = as_text(r, "zone");
    c.departement_code = as_text(r, "departement_code");
    c.region_code = as_text(r, "region_code");
    c.departement_name = as_text(r, "departement_name");
    return c;
}

std::string kind_label(const CollectiviteRow& c) {
    if (c.kind == "commune") return "commune";
    if (c.kind == "epci") {
        if (c.epci_type == "CC") return "communauté de communes";
        if (c.epci_type == "CA") return "communauté d'agglomération";
        if (c.epci_type == "CU") return "communauté urbaine";
        if (c.epci_type == "METRO") return "métropole";
        return "intercommunalité";
    }
    if (c.kind == "departement") return "département";
    return "région";
}

}  // namespace

std::optional<CollectiviteRow> find_collectivite(soci::session& sql, const std::string& id) {
    soci::row r;
    if (!execute(sql, std::string(select_columns) + "WHERE c.id = :id", soci::use(id), soci::into(r)))
        return std::nullopt;
    return from_row(r);
}

std::vector<CollectiviteRow> search_collectivites(soci::session& sql, const std::string& query, int limit) {
    std::vector<CollectiviteRow> out;
    const auto folded = text::fold_for_search(query);
    const auto code = text::trim(query);
    if (folded.empty()) return out;
    const std::string prefix = folded + "%";
    const std::string inside = "% " + folded + "%";
    // rank: 0 exact code, 1 exact name, 2 name prefix, 3 word prefix inside the name.
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(select_columns) +
                            "WHERE c.code = :code OR c.search_name LIKE :prefix OR c.search_name LIKE :inside "
                            "ORDER BY CASE WHEN c.code = :code2 THEN 0 WHEN c.search_name = :exact THEN 1 "
                            "WHEN c.search_name LIKE :prefix2 THEN 2 ELSE 3 END, c.population DESC, c.name "
                            "LIMIT :lim",
         soci::use(code, "code"), soci::use(prefix, "prefix"), soci::use(inside, "inside"),
         soci::use(code, "code2"), soci::use(folded, "exact"), soci::use(prefix, "prefix2"),
         soci::use(limit, "lim"));
    for (const auto& r : rows) out.push_back(from_row(r));
    return out;
}

std::string collectivite_label(const CollectiviteRow& c) {
    std::string label = c.name;
    if (!c.departement_code.empty() && c.kind != "region" && c.kind != "departement")
        label += " (" + c.departement_code + ")";
    label += " – " + kind_label(c);
    return label;
}

long long count_collectivites(soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM collectivites", soci::into(n);
    return n;
}

std::optional<CollectiviteRow> find_collectivite_by_code(soci::session& sql, const std::string& typed) {
    const auto code = text::trim(typed);
    if (code.empty() || code.size() > 40) return std::nullopt;
    if (const auto dash = code.find('-'); dash != std::string::npos) {
        const auto kind = code.substr(0, dash);
        if (kind == "commune" || kind == "epci" || kind == "departement" || kind == "region")
            return find_collectivite(sql, kind + ":" + code.substr(dash + 1));
    }
    soci::row r;
    if (execute(sql,
                std::string(select_columns) +
                    "WHERE c.code = :code ORDER BY CASE c.kind WHEN 'commune' THEN 0 WHEN 'epci' THEN 1 "
                    "WHEN 'departement' THEN 2 ELSE 3 END LIMIT 1",
                soci::use(code), soci::into(r)))
        return from_row(r);
    soci::row by_siren;
    if (execute(sql, std::string(select_columns) + "WHERE c.siren = :siren ORDER BY c.id LIMIT 1", soci::use(code),
                soci::into(by_siren)))
        return from_row(by_siren);
    return std::nullopt;
}

std::vector<CollectiviteRow> enclosing_collectivites(soci::session& sql, const CollectiviteRow& c) {
    std::vector<std::string> ids;
    if (c.kind == "commune") {
        soci::indicator ind = soci::i_null;
        std::string epci_id;
        sql << "SELECT epci_id FROM collectivites WHERE id = :id", soci::use(c.id), soci::into(epci_id, ind);
        if (sql.got_data() && ind == soci::i_ok && !epci_id.empty()) ids.push_back(epci_id);
    }
    if (c.kind != "departement" && c.kind != "region" && !c.departement_code.empty())
        ids.push_back("departement:" + c.departement_code);
    if (c.kind != "region" && !c.region_code.empty()) ids.push_back("region:" + c.region_code);
    std::vector<CollectiviteRow> out;
    for (const auto& id : ids)
        if (auto found = find_collectivite(sql, id)) out.push_back(std::move(*found));
    return out;
}

std::vector<CollectiviteRow> epci_member_communes(soci::session& sql, const std::string& epci_id) {
    std::vector<CollectiviteRow> out;
    soci::rowset<soci::row> rows = (sql.prepare << std::string(select_columns) +
                                                       "WHERE c.kind = 'commune' AND c.epci_id = :e ORDER BY c.name",
                                    soci::use(epci_id, "e"));
    for (const auto& r : rows) out.push_back(from_row(r));
    return out;
}

}  // namespace ateliers::store
