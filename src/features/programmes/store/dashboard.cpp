#include "features/programmes/store/dashboard.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

std::vector<ProgrammeActionCount> programme_action_counts(soci::session& sql, long long programme_id) {
    std::vector<ProgrammeActionCount> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT a.territory_id AS territory_id, a.status AS status, COUNT(*) AS n FROM plan_actions a "
                        "JOIN programme_territories t ON t.id = a.territory_id WHERE t.programme_id = :p "
                        "GROUP BY a.territory_id, a.status",
         soci::use(programme_id));
    for (const auto& r : rows)
        out.push_back({as_int(r, "territory_id"), as_text(r, "status"), static_cast<int>(as_int(r, "n"))});
    return out;
}

std::vector<ProgrammeOpenAction> programme_stale_actions(soci::session& sql, long long programme_id, long long before) {
    std::vector<ProgrammeOpenAction> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT a.territory_id AS territory_id, a.id AS id, a.title AS title, a.status AS status, "
                        "a.updated_at AS updated_at FROM plan_actions a JOIN programme_territories t ON t.id = a.territory_id "
                        "WHERE t.programme_id = :p AND a.status IN ('proposee', 'en_cours', 'bloquee') "
                        "AND a.updated_at < :before ORDER BY a.updated_at, a.id",
         soci::use(programme_id), soci::use(before));
    for (const auto& r : rows)
        out.push_back({as_int(r, "territory_id"), as_int(r, "id"), as_text(r, "title"), as_text(r, "status"),
                       as_int(r, "updated_at")});
    return out;
}

std::vector<ProgrammeFamilySum> programme_family_sums(soci::session& sql, long long programme_id) {
    std::vector<ProgrammeFamilySum> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT a.territory_id AS territory_id, a.year AS year, f.code AS code, "
                        "SUM(x.level) AS level_sum, COUNT(x.level) AS rated, g.max_level AS max_level "
                        "FROM assessments a JOIN programme_territories t ON t.id = a.territory_id "
                        "JOIN assessment_answers x ON x.assessment_id = a.id "
                        "JOIN grid_criteria c ON c.id = x.criterion_id JOIN grid_families f ON f.id = c.family_id "
                        "JOIN grid_versions g ON g.id = a.grid_version_id "
                        "WHERE t.programme_id = :p AND x.level IS NOT NULL "
                        "GROUP BY a.territory_id, a.year, f.code, g.max_level",
         soci::use(programme_id));
    for (const auto& r : rows)
        out.push_back({as_int(r, "territory_id"), static_cast<int>(as_int(r, "year")), as_text(r, "code"),
                       as_int(r, "level_sum"), static_cast<int>(as_int(r, "rated")),
                       static_cast<int>(as_int(r, "max_level"))});
    return out;
}

std::vector<programmes::ProviderAssignment> programme_provider_assignments(soci::session& sql, long long programme_id) {
    std::vector<programmes::ProviderAssignment> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT organisation, email, territory_id FROM programme_members "
                        "WHERE programme_id = :p AND role = 'provider' ORDER BY id",
         soci::use(programme_id));
    for (const auto& r : rows) out.push_back({as_text(r, "organisation"), as_text(r, "email"), as_int(r, "territory_id")});
    return out;
}

std::vector<programmes::CarriedAction> programme_carried_actions(soci::session& sql, long long programme_id) {
    std::vector<programmes::CarriedAction> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT a.territory_id AS territory_id, a.providers AS providers, a.status AS status, "
                        "a.updated_at AS updated_at FROM plan_actions a JOIN programme_territories t ON t.id = a.territory_id "
                        "WHERE t.programme_id = :p AND a.providers <> ''",
         soci::use(programme_id));
    for (const auto& r : rows)
        out.push_back({as_int(r, "territory_id"), as_text(r, "providers"), as_text(r, "status"), as_int(r, "updated_at")});
    return out;
}

std::vector<long long> programme_adopted_territories(soci::session& sql, long long programme_id) {
    std::vector<long long> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT DISTINCT v.territory_id AS territory_id FROM plan_versions v "
                        "JOIN programme_territories t ON t.id = v.territory_id "
                        "WHERE t.programme_id = :p AND v.status = 'adopted'",
         soci::use(programme_id));
    for (const auto& r : rows) out.push_back(as_int(r, "territory_id"));
    return out;
}

}  // namespace ateliers::store
