#pragma once
// What participants write during and after a session: ideas posted to their group,
// and the client's action leads; and the sessions of the day they take part in.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

struct GroupSeatRow {
    int group_number = 0;
    bool is_client = false;
};

// The registration's group in the session, if it has one.
std::optional<GroupSeatRow> group_seat(soci::session& sql, long long session_id, long long registration_id);

long long insert_group_post(soci::session& sql, long long session_id, int group_number, long long registration_id,
                            const std::string& body, long long created_at);

long long action_lead_count(soci::session& sql, long long session_id, long long registration_id);
long long insert_action_lead(soci::session& sql, long long registration_id, long long session_id,
                             const std::string& body, long long now);

struct ActionLeadDetailRow {
    long long id = 0;
    long long registration_id = 0;
    long long session_id = 0;
    int session_number = 0;
    long long session_starts_at = 0;
    std::string cycle_slug, cycle_title;
    std::string body, status, progress_note;
    long long updated_at = 0;
};

// The user's action leads, latest session first.
std::vector<ActionLeadDetailRow> user_action_leads(soci::session& sql, long long user_id);
// The user's action leads from the sessions of the same cycle before this one, in order.
std::vector<ActionLeadDetailRow> earlier_user_action_leads(soci::session& sql, long long user_id,
                                                           long long session_id);

// The user who wrote the lead, nullopt when there is no such lead.
std::optional<long long> action_lead_owner(soci::session& sql, long long lead_id);
void update_action_lead(soci::session& sql, long long lead_id, const std::string& status,
                        const std::string& progress_note, long long updated_at);

struct UserSessionRow {
    long long session_id = 0;
    int number = 0;
    std::string cycle_title;
    long long starts_at = 0;
    long long ends_at = 0;
};

// Sessions starting between `from` and `to` of the cycles the user is confirmed in, by start.
std::vector<UserSessionRow> user_sessions_between(soci::session& sql, long long user_id, long long from, long long to);

}  // namespace ateliers::store
