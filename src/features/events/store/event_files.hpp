#pragma once
// Documents published after an event as files (the bytes and what they are: platform/files).
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

struct EventFileRow {
    long long id = 0;
    long long event_id = 0;
    long long file_id = 0;
    std::string title;
    std::string original_name;
    std::string media_type;
    long long size_bytes = 0;
};
long long insert_event_file(soci::session& sql, long long event_id, long long file_id, const std::string& title, long long now);
void delete_event_file(soci::session& sql, long long id);
std::vector<EventFileRow> event_files(soci::session& sql, long long event_id);  // in the order added
std::optional<EventFileRow> find_event_file(soci::session& sql, long long event_id, long long id);

}  // namespace ateliers::store
