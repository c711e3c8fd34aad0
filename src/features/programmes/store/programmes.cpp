#include "features/programmes/store/programmes.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

namespace {

const char* programme_columns =
    "SELECT id, slug, title, summary, description, starts_year, years, demo FROM programmes ";

ProgrammeRow programme_from(const soci::row& r) {
    ProgrammeRow p;
    p.id = as_int(r, "id");
    p.slug = as_text(r, "slug");
    p.title = as_text(r, "title");
    p.summary = as_text(r, "summary");
    p.description = as_text(r, "description");
    p.starts_year = static_cast<int>(as_int(r, "starts_year"));
    p.years = static_cast<int>(as_int(r, "years"));
    p.demo = as_int(r, "demo") != 0;
    return p;
}

const char* territory_columns =
    "SELECT t.id AS id, t.programme_id AS programme_id, t.collectivite_id AS collectivite_id, t.label AS label, "
    "c.kind AS kind, t.demo AS demo FROM programme_territories t JOIN collectivites c ON c.id = t.collectivite_id ";

ProgrammeTerritoryRow territory_from(const soci::row& r) {
    ProgrammeTerritoryRow t;
    t.id = as_int(r, "id");
    t.programme_id = as_int(r, "programme_id");
    t.collectivite_id = as_text(r, "collectivite_id");
    t.label = as_text(r, "label");
    t.collectivite_kind = as_text(r, "kind");
    t.demo = as_int(r, "demo") != 0;
    return t;
}

const char* member_columns =
    "SELECT id, programme_id, COALESCE(territory_id, 0) AS territory_id, email, COALESCE(user_id, 0) AS user_id, "
    "role, organisation FROM programme_members ";

ProgrammeMemberRow member_from(const soci::row& r) {
    ProgrammeMemberRow m;
    m.id = as_int(r, "id");
    m.programme_id = as_int(r, "programme_id");
    m.territory_id = as_int(r, "territory_id");
    m.email = as_text(r, "email");
    m.user_id = as_int(r, "user_id");
    m.role = as_text(r, "role");
    m.organisation = as_text(r, "organisation");
    return m;
}

}  // namespace

long long insert_programme(soci::session& sql, const ProgrammeRow& p, long long now) {
    long long id = 0;
    const int demo = p.demo ? 1 : 0;
    sql << "INSERT INTO programmes (slug, title, summary, description, starts_year, years, demo, created_at) "
           "VALUES (:slug, :title, :summary, :description, :starts, :years, :demo, :now) RETURNING id",
        soci::use(p.slug), soci::use(p.title), soci::use(p.summary), soci::use(p.description), soci::use(p.starts_year),
        soci::use(p.years), soci::use(demo), soci::use(now), soci::into(id);
    return id;
}

std::optional<ProgrammeRow> find_programme(soci::session& sql, const std::string& slug) {
    soci::row r;
    if (!execute(sql, std::string(programme_columns) + "WHERE slug = :s", soci::use(slug), soci::into(r)))
        return std::nullopt;
    return programme_from(r);
}

std::vector<ProgrammeRow> list_programmes(soci::session& sql) {
    std::vector<ProgrammeRow> out;
    soci::rowset<soci::row> rows = (sql.prepare << std::string(programme_columns) + "ORDER BY starts_year DESC, id");
    for (const auto& r : rows) out.push_back(programme_from(r));
    return out;
}

long long insert_programme_territory(soci::session& sql, const ProgrammeTerritoryRow& t, long long now) {
    long long id = 0;
    const int demo = t.demo ? 1 : 0;
    sql << "INSERT INTO programme_territories (programme_id, collectivite_id, label, demo, created_at) "
           "VALUES (:p, :c, :label, :demo, :now) RETURNING id",
        soci::use(t.programme_id), soci::use(t.collectivite_id), soci::use(t.label), soci::use(demo), soci::use(now),
        soci::into(id);
    return id;
}

std::vector<ProgrammeTerritoryRow> programme_territories(soci::session& sql, long long programme_id) {
    std::vector<ProgrammeTerritoryRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(territory_columns) + "WHERE t.programme_id = :p ORDER BY t.label, t.id",
         soci::use(programme_id));
    for (const auto& r : rows) out.push_back(territory_from(r));
    return out;
}

std::optional<ProgrammeTerritoryRow> find_programme_territory(soci::session& sql, long long programme_id,
                                                              long long territory_id) {
    soci::row r;
    if (!execute(sql, std::string(territory_columns) + "WHERE t.programme_id = :p AND t.id = :t", soci::use(programme_id),
                 soci::use(territory_id), soci::into(r)))
        return std::nullopt;
    return territory_from(r);
}

bool programme_has_collectivite(soci::session& sql, long long programme_id, const std::string& collectivite_id) {
    long long n = 0;
    execute(sql, "SELECT COUNT(*) FROM programme_territories WHERE programme_id = :p AND collectivite_id = :c",
            soci::use(programme_id), soci::use(collectivite_id), soci::into(n));
    return n > 0;
}

long long insert_programme_member(soci::session& sql, const ProgrammeMemberRow& m, long long now) {
    long long id = 0;
    soci::indicator territory_ind = m.territory_id ? soci::i_ok : soci::i_null;
    soci::indicator user_ind = m.user_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO programme_members (programme_id, territory_id, email, user_id, role, organisation, created_at) "
           "VALUES (:p, :t, :email, :u, :role, :org, :now) RETURNING id",
        soci::use(m.programme_id), soci::use(m.territory_id, territory_ind), soci::use(m.email),
        soci::use(m.user_id, user_ind), soci::use(m.role), soci::use(m.organisation), soci::use(now), soci::into(id);
    return id;
}

bool programme_member_exists(soci::session& sql, const ProgrammeMemberRow& m) {
    long long n = 0;
    execute(sql,
            "SELECT COUNT(*) FROM programme_members WHERE programme_id = :p AND email = :e AND role = :r "
            "AND COALESCE(territory_id, 0) = :t",
            soci::use(m.programme_id), soci::use(m.email), soci::use(m.role), soci::use(m.territory_id), soci::into(n));
    return n > 0;
}

std::vector<ProgrammeMemberRow> programme_members(soci::session& sql, long long programme_id) {
    std::vector<ProgrammeMemberRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(member_columns) + "WHERE programme_id = :p ORDER BY role, email, id",
         soci::use(programme_id));
    for (const auto& r : rows) out.push_back(member_from(r));
    return out;
}

std::vector<ProgrammeMemberRow> memberships_of(soci::session& sql, long long programme_id, long long user_id,
                                               const std::string& email) {
    std::vector<ProgrammeMemberRow> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(member_columns) +
                            "WHERE programme_id = :p AND (user_id = :u OR (user_id IS NULL AND email = :e))",
         soci::use(programme_id), soci::use(user_id), soci::use(email));
    for (const auto& r : rows) out.push_back(member_from(r));
    return out;
}

long long account_id_for_email(soci::session& sql, const std::string& email) {
    long long id = 0;
    if (!execute(sql, "SELECT id FROM users WHERE email = :e", soci::use(email), soci::into(id))) return 0;
    return id;
}

bool delete_programme_member(soci::session& sql, long long programme_id, long long member_id) {
    soci::statement st = (sql.prepare << "DELETE FROM programme_members WHERE id = :id AND programme_id = :p",
                          soci::use(member_id), soci::use(programme_id));
    st.execute(true);
    return st.get_affected_rows() > 0;
}

}  // namespace ateliers::store
