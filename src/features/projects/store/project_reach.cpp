#include "features/projects/store/project_reach.hpp"

#include <map>

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

std::vector<ProjectReachRow> project_reach_rows(soci::session& sql, std::int64_t to, const std::string& collectivite_id) {
    std::vector<ProjectReachRow> out;
    std::map<long long, std::size_t> at;
    const int any = collectivite_id.empty() ? 1 : 0;
    for_each_row(
        sql,
        "SELECT p.id AS id, p.title AS title, p.territory_id AS collectivite_id, p.created_at AS created_at, "
        "d.number AS number, COALESCE(d.state, 'locked') AS state, "
        "(SELECT MAX(s.decided_at) FROM deliverable_submissions s WHERE s.deliverable_id = d.id "
        " AND s.decision = 'valide') AS validated_at "
        "FROM projects p LEFT JOIN project_deliverables d ON d.project_id = p.id "
        "WHERE p.created_at < :t AND (:any = 1 OR p.territory_id = :c) ORDER BY p.created_at, p.id, d.number",
        [&](const soci::row& r) {
            const long long id = as_int(r, "id");
            auto it = at.find(id);
            if (it == at.end()) {
                ProjectReachRow p;
                p.id = id;
                p.title = as_text(r, "title");
                p.collectivite_id = as_text(r, "collectivite_id");
                p.created_at = as_int(r, "created_at");
                it = at.emplace(id, out.size()).first;
                out.push_back(std::move(p));
            }
            auto& p = out[it->second];
            if (as_optional_int(r, "number")) p.states.push_back(as_text(r, "state"));
            if (const auto v = as_optional_int(r, "validated_at"); v && *v > p.last_validated_at) p.last_validated_at = *v;
        },
        soci::use(to), soci::use(any), soci::use(collectivite_id));
    return out;
}

int project_validations_between(soci::session& sql, std::int64_t from, std::int64_t to) {
    long long n = 0;
    for_each_row(
        sql,
        "SELECT COUNT(*) AS n FROM deliverable_submissions WHERE decision = 'valide' AND decided_at >= :f "
        "AND decided_at < :t",
        [&](const soci::row& r) { n = as_int(r, "n"); }, soci::use(from), soci::use(to));
    return static_cast<int>(n);
}

std::vector<std::string> project_team_names(soci::session& sql, long long project_id) {
    std::vector<std::string> out;
    for_each_row(
        sql,
        "SELECT COALESCE(NULLIF(u.full_name, ''), m.email) AS name, m.role AS role FROM project_members m "
        "LEFT JOIN users u ON LOWER(u.email) = LOWER(m.email) WHERE m.project_id = :p "
        "ORDER BY CASE m.role WHEN 'team' THEN 0 ELSE 1 END, name",
        [&](const soci::row& r) {
            out.push_back(as_text(r, "name") + (as_text(r, "role") == "advisor" ? " (accompagnement)" : ""));
        },
        soci::use(project_id));
    return out;
}

}  // namespace ateliers::store
