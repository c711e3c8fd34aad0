#pragma once
// A project's cooperation log and its sessions on the value created.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

struct CooperationLogRow {
    long long id = 0;
    long long project_id = 0;
    std::string happened_on;  // YYYY-MM-DD
    std::string kind;         // projects::log_kind_name
    std::string title, body, written_by;
};
long long insert_cooperation_entry(soci::session& sql, const CooperationLogRow& e, long long now);
std::vector<CooperationLogRow> cooperation_log(soci::session& sql, long long project_id);  // most recent first

struct ValueEntryRow {
    std::string dimension, label, observed, evidence, indicator, indicator_value;
};
struct ValueSessionRow {
    long long id = 0;
    long long project_id = 0;
    std::string held_on;  // YYYY-MM-DD
    std::string participants, conclusions, dimension_set, written_by;
    std::vector<ValueEntryRow> entries;  // in the order written
};
long long insert_value_session(soci::session& sql, const ValueSessionRow& s, long long now);  // with its entries
std::vector<ValueSessionRow> value_sessions(soci::session& sql, long long project_id);  // oldest first, with entries

}  // namespace ateliers::store
