#pragma once
// Reading a module's query about one person into a DataTable: the stores give the SQL
// (bound to `:id`) and the columns they want shown.
#include <soci/soci.h>

#include <functional>
#include <string>
#include <vector>

#include "platform/privacy/personal_data.hpp"

namespace ateliers::privacy {

struct Column {
    std::string alias;    // the expression's name in the SELECT
    std::string heading;  // in French, for the page and the JSON
    bool utc_time = false;  // seconds shown as an ISO 8601 Paris time; NULL or 0 as empty
    // A stored code shown as people read it ("confirmed" → "Confirmée"); none: as stored.
    std::function<std::string(const std::string&)> shown;
};

DataTable query_table(soci::session& sql, std::string key, std::string title, const std::string& select,
                      long long id, const std::vector<Column>& columns);

}  // namespace ateliers::privacy
