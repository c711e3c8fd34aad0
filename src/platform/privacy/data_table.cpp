#include "platform/privacy/data_table.hpp"

#include "platform/core/paris_time.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::privacy {

DataTable query_table(soci::session& sql, std::string key, std::string title, const std::string& select,
                      long long id, const std::vector<Column>& columns) {
    DataTable table{std::move(key), std::move(title), {}, {}};
    for (const auto& c : columns) table.columns.push_back(c.heading);
    soci::rowset<soci::row> rows = (sql.prepare << select, soci::use(id, "id"));
    for (const auto& r : rows) {
        std::vector<std::string> line;
        for (const auto& c : columns) {
            if (!c.utc_time) {
                auto value = store::as_text(r, c.alias);
                line.push_back(c.shown ? c.shown(value) : std::move(value));
                continue;
            }
            const auto at = store::as_optional_int(r, c.alias);
            line.push_back(at && *at > 0 ? paris_time::iso8601(*at) : "");
        }
        table.rows.push_back(std::move(line));
    }
    return table;
}

}  // namespace ateliers::privacy
