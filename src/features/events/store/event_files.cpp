#include "features/events/store/event_files.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

namespace {

const char* select_files =
    "SELECT ef.id AS id, ef.event_id AS event_id, ef.file_id AS file_id, ef.title AS title, "
    "f.original_name AS original_name, f.media_type AS media_type, f.size_bytes AS size_bytes "
    "FROM event_files ef JOIN stored_files f ON f.id = ef.file_id ";

EventFileRow read_row(const soci::row& r) {
    return {as_int(r, "id"),   as_int(r, "event_id"),        as_int(r, "file_id"),   as_text(r, "title"),
            as_text(r, "original_name"), as_text(r, "media_type"), as_int(r, "size_bytes")};
}

}  // namespace

long long insert_event_file(soci::session& sql, long long event_id, long long file_id, const std::string& title, long long now) {
    long long id = 0;
    sql << "INSERT INTO event_files (event_id, file_id, title, created_at) VALUES (:e, :f, :t, :now) RETURNING id",
        soci::use(event_id), soci::use(file_id), soci::use(title), soci::use(now), soci::into(id);
    return id;
}

void delete_event_file(soci::session& sql, long long id) {
    execute(sql, "DELETE FROM event_files WHERE id = :id", soci::use(id));
}

std::vector<EventFileRow> event_files(soci::session& sql, long long event_id) {
    std::vector<EventFileRow> out;
    for_each_row(sql, std::string(select_files) + "WHERE ef.event_id = :e ORDER BY ef.id",
                 [&](const soci::row& r) { out.push_back(read_row(r)); }, soci::use(event_id));
    return out;
}

std::optional<EventFileRow> find_event_file(soci::session& sql, long long event_id, long long id) {
    std::optional<EventFileRow> out;
    for_each_row(sql, std::string(select_files) + "WHERE ef.event_id = :e AND ef.id = :id",
                 [&](const soci::row& r) { out = read_row(r); }, soci::use(event_id), soci::use(id));
    return out;
}

}  // namespace ateliers::store
