#include "features/programmes/store/grids.hpp"

#include <map>

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

long long insert_grid(soci::session& sql, const programmes::Grid& grid, long long now) {
    long long id = 0;
    const int is_default = grid.is_default ? 1 : 0;
    const int min = grid.min_level();
    const int max = grid.max_level();
    sql << "INSERT INTO grid_versions (version, title, notice, is_default, min_level, max_level, created_at) "
           "VALUES (:v, :t, :n, :d, :min, :max, :now) RETURNING id",
        soci::use(grid.version), soci::use(grid.title), soci::use(grid.notice), soci::use(is_default), soci::use(min),
        soci::use(max), soci::use(now), soci::into(id);
    for (const auto& l : grid.levels)
        sql << "INSERT INTO grid_levels (grid_version_id, value, label, descriptor) VALUES (:g, :v, :l, :d)",
            soci::use(id), soci::use(l.value), soci::use(l.label), soci::use(l.descriptor);
    std::map<std::string, long long> family_ids;
    int position = 0;
    for (const auto& f : grid.families) {
        long long fid = 0;
        sql << "INSERT INTO grid_families (grid_version_id, code, title, description, position) "
               "VALUES (:g, :c, :t, :d, :p) RETURNING id",
            soci::use(id), soci::use(f.code), soci::use(f.title), soci::use(f.description), soci::use(position),
            soci::into(fid);
        family_ids[f.code] = fid;
        ++position;
    }
    position = 0;
    for (const auto& c : grid.criteria) {
        long long cid = 0;
        sql << "INSERT INTO grid_criteria (grid_version_id, family_id, code, title, description, position) "
               "VALUES (:g, :f, :c, :t, :d, :p) RETURNING id",
            soci::use(id), soci::use(family_ids[c.family_code]), soci::use(c.code), soci::use(c.title),
            soci::use(c.description), soci::use(position), soci::into(cid);
        for (std::size_t i = 0; i < c.level_descriptors.size(); ++i) {
            const int value = static_cast<int>(i) + 1;
            sql << "INSERT INTO grid_criterion_levels (criterion_id, value, descriptor) VALUES (:c, :v, :d)",
                soci::use(cid), soci::use(value), soci::use(c.level_descriptors[i]);
        }
        ++position;
    }
    return id;
}

std::optional<long long> grid_id_of_version(soci::session& sql, int version) {
    long long id = 0;
    if (!execute(sql, "SELECT id FROM grid_versions WHERE version = :v", soci::use(version), soci::into(id)))
        return std::nullopt;
    return id;
}

std::optional<programmes::Grid> load_grid(soci::session& sql, long long grid_version_id) {
    soci::row r;
    if (!execute(sql, "SELECT id, version, title, notice, is_default FROM grid_versions WHERE id = :g",
                 soci::use(grid_version_id), soci::into(r)))
        return std::nullopt;
    programmes::Grid g;
    g.id = as_int(r, "id");
    g.version = static_cast<int>(as_int(r, "version"));
    g.title = as_text(r, "title");
    g.notice = as_text(r, "notice");
    g.is_default = as_int(r, "is_default") != 0;
    {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT value, label, descriptor FROM grid_levels WHERE grid_version_id = :g ORDER BY value",
             soci::use(grid_version_id));
        for (const auto& l : rows)
            g.levels.push_back({static_cast<int>(as_int(l, "value")), as_text(l, "label"), as_text(l, "descriptor")});
    }
    {
        soci::rowset<soci::row> rows = (sql.prepare << "SELECT code, title, description FROM grid_families "
                                                       "WHERE grid_version_id = :g ORDER BY position",
                                        soci::use(grid_version_id));
        for (const auto& f : rows) g.families.push_back({as_text(f, "code"), as_text(f, "title"), as_text(f, "description")});
    }
    std::map<long long, std::size_t> index;
    {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT c.id AS id, c.code AS code, f.code AS family_code, c.title AS title, "
                            "c.description AS description FROM grid_criteria c JOIN grid_families f ON f.id = c.family_id "
                            "WHERE c.grid_version_id = :g ORDER BY c.position",
             soci::use(grid_version_id));
        for (const auto& c : rows) {
            index[as_int(c, "id")] = g.criteria.size();
            g.criteria.push_back({as_int(c, "id"), as_text(c, "code"), as_text(c, "family_code"), as_text(c, "title"),
                                  as_text(c, "description"), {}});
        }
    }
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT l.criterion_id AS criterion_id, l.descriptor AS descriptor FROM grid_criterion_levels l "
                        "JOIN grid_criteria c ON c.id = l.criterion_id WHERE c.grid_version_id = :g "
                        "ORDER BY l.criterion_id, l.value",
         soci::use(grid_version_id));
    for (const auto& l : rows)
        if (auto it = index.find(as_int(l, "criterion_id")); it != index.end())
            g.criteria[it->second].level_descriptors.push_back(as_text(l, "descriptor"));
    return g;
}

std::vector<programmes::GridVersionInfo> grid_versions(soci::session& sql) {
    std::vector<programmes::GridVersionInfo> out;
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT id, version, title FROM grid_versions ORDER BY version DESC");
    for (const auto& r : rows)
        out.push_back({as_int(r, "id"), static_cast<int>(as_int(r, "version")), as_text(r, "title")});
    return out;
}

std::optional<programmes::Grid> latest_grid(soci::session& sql) {
    long long id = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT MAX(id) FROM grid_versions WHERE version = (SELECT MAX(version) FROM grid_versions)", soci::into(id, ind);
    if (ind != soci::i_ok) return std::nullopt;
    return load_grid(sql, id);
}

}  // namespace ateliers::store
