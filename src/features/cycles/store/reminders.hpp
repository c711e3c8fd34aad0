#pragma once
// Session reminders: who attends which coming session, and which reminders were sent.
#include <soci/soci.h>

#include <string>
#include <vector>

namespace ateliers::store {

struct ReminderTarget {
    long long session_id = 0;
    long long registration_id = 0;
    long long starts_at = 0;
    long long ends_at = 0;
    std::string visio_url;
    std::string session_number;
    std::string cycle_title;
    std::string cycle_slug;
    std::string email;
    std::string full_name;
};

// Each confirmed registration to each session of a published cycle starting in (from, to].
std::vector<ReminderTarget> reminder_targets(soci::session& sql, long long from, long long to);

bool reminder_sent(soci::session& sql, long long session_id, long long registration_id, const std::string& kind);

void record_reminder(soci::session& sql, long long session_id, long long registration_id, const std::string& kind,
                     long long sent_at);

}  // namespace ateliers::store
