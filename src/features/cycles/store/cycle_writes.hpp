#pragma once
// Writing cycles, their sessions and new facilitators (the back office's use cases),
// inside the caller's transaction.
#include <soci/soci.h>

#include <string>

namespace ateliers::store {

// Whether another row of `table` ("cycles" or "facilitators", never user text) has this slug.
bool slug_taken(soci::session& sql, const std::string& table, const std::string& slug, long long exclude_id);

long long insert_facilitator(soci::session& sql, const std::string& slug, const std::string& full_name,
                             const std::string& bio);
bool facilitator_exists(soci::session& sql, long long facilitator_id);
bool region_exists(soci::session& sql, const std::string& code);

// A cycle's stored fields; 0 stands for none (NULL) in facilitator_id, opens_at and closes_at.
struct CycleFields {
    std::string slug;
    std::string title;
    std::string theme;
    std::string summary;
    std::string description;
    std::string territory_types;
    long long facilitator_id = 0;
    int capacity = 0;
    std::string mode;
    long long opens_at = 0;
    long long closes_at = 0;
    std::string region_code;
};

// A new draft cycle; its id.
long long insert_draft_cycle(soci::session& sql, const CycleFields& c, long long created_at);
void update_cycle_fields(soci::session& sql, long long cycle_id, const CycleFields& c);
void mark_cycle_published(soci::session& sql, long long cycle_id);
void mark_cycle_closed(soci::session& sql, long long cycle_id);

void insert_session(soci::session& sql, long long cycle_id, int number, long long starts_at, long long ends_at,
                    const std::string& visio_url);
// New times: the session's sequence goes up (calendars update it).
void move_session(soci::session& sql, long long session_id, long long starts_at, long long ends_at,
                  const std::string& visio_url);
void set_session_visio(soci::session& sql, long long session_id, const std::string& visio_url);
void delete_session(soci::session& sql, long long session_id);
// Session numbers are unique per cycle: renumbering first turns them negative.
void negate_session_numbers(soci::session& sql, long long cycle_id);
void set_session_number(soci::session& sql, long long session_id, int number);

}  // namespace ateliers::store
