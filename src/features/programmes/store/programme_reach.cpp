#include "features/programmes/store/programme_reach.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

namespace {

const char* territory_columns =
    "SELECT t.id AS territory_id, p.slug AS programme_slug, p.title AS programme_title, "
    "p.starts_year AS starts_year, p.years AS years, t.collectivite_id AS collectivite_id, t.label AS label "
    "FROM programme_territories t JOIN programmes p ON p.id = t.programme_id ";

ProgrammeReachTerritory territory_of(const soci::row& r) {
    ProgrammeReachTerritory t;
    t.territory_id = as_int(r, "territory_id");
    t.programme_slug = as_text(r, "programme_slug");
    t.programme_title = as_text(r, "programme_title");
    t.starts_year = static_cast<int>(as_int(r, "starts_year"));
    t.years = static_cast<int>(as_int(r, "years"));
    t.collectivite_id = as_text(r, "collectivite_id");
    t.label = as_text(r, "label");
    return t;
}

}  // namespace

std::vector<ProgrammeReachTerritory> programme_reach_territories(soci::session& sql, int first_year, int last_year) {
    std::vector<ProgrammeReachTerritory> out;
    for_each_row(
        sql,
        std::string(territory_columns) +
            "WHERE p.starts_year <= :last AND p.starts_year + p.years - 1 >= :first ORDER BY p.starts_year, p.id, t.id",
        [&](const soci::row& r) { out.push_back(territory_of(r)); }, soci::use(last_year), soci::use(first_year));
    return out;
}

std::vector<ProgrammeReachTerritory> programme_territories_of(soci::session& sql, const std::string& collectivite_id) {
    std::vector<ProgrammeReachTerritory> out;
    for_each_row(
        sql, std::string(territory_columns) + "WHERE t.collectivite_id = :c ORDER BY p.starts_year, p.id, t.id",
        [&](const soci::row& r) { out.push_back(territory_of(r)); }, soci::use(collectivite_id));
    return out;
}

std::vector<ProgrammeActionCount> programme_action_counts(soci::session& sql, int first_year, int last_year) {
    std::vector<ProgrammeActionCount> out;
    const int every = first_year > last_year ? 1 : 0;
    for_each_row(
        sql,
        "SELECT a.territory_id AS territory_id, a.status AS status, COUNT(*) AS n FROM plan_actions a "
        "JOIN programme_territories t ON t.id = a.territory_id JOIN programmes p ON p.id = t.programme_id "
        "WHERE :every = 1 OR (p.starts_year <= :last AND p.starts_year + p.years - 1 >= :first) "
        "GROUP BY a.territory_id, a.status ORDER BY a.territory_id, a.status",
        [&](const soci::row& r) {
            out.push_back({as_int(r, "territory_id"), as_text(r, "status"), static_cast<int>(as_int(r, "n"))});
        },
        soci::use(every), soci::use(last_year), soci::use(first_year));
    return out;
}

std::vector<ProgrammeAssessmentDone> programme_assessments_done(soci::session& sql, std::int64_t from, std::int64_t to) {
    std::vector<ProgrammeAssessmentDone> out;
    for_each_row(
        sql,
        "SELECT territory_id AS territory_id, year AS year, completed_at AS completed_at FROM assessments "
        "WHERE completed_at IS NOT NULL AND completed_at >= :f AND completed_at < :t ORDER BY territory_id, year",
        [&](const soci::row& r) {
            out.push_back({as_int(r, "territory_id"), static_cast<int>(as_int(r, "year")), as_int(r, "completed_at")});
        },
        soci::use(from), soci::use(to));
    return out;
}

std::vector<std::string> programme_territory_team(soci::session& sql, long long territory_id) {
    std::vector<std::string> out;
    for_each_row(
        sql,
        "SELECT COALESCE(NULLIF(u.full_name, ''), m.email) AS name FROM programme_members m "
        "LEFT JOIN users u ON u.id = m.user_id WHERE m.territory_id = :t AND m.role = 'territory_team' "
        "ORDER BY name",
        [&](const soci::row& r) { out.push_back(as_text(r, "name")); }, soci::use(territory_id));
    return out;
}

}  // namespace ateliers::store
