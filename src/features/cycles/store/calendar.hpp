#pragma once
// Calendar feeds: a cycle's sessions, a person's confirmed sessions, and the
// secret token of their personal feed.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

struct CalendarSession {
    long long session_id = 0;
    int number = 0;
    long long starts_at = 0;
    long long ends_at = 0;
    std::string visio_url;
    int sequence = 0;
    std::string cycle_title;
    std::string cycle_slug;
    std::string facilitator;  // empty when none
    int sessions_in_cycle = 0;
};

// The sessions of a published or closed cycle, by start.
std::vector<CalendarSession> cycle_calendar_sessions(soci::session& sql, const std::string& slug);

// The sessions of the cycles the person is confirmed in, by start.
std::vector<CalendarSession> confirmed_calendar_sessions(soci::session& sql, long long user_id);

// The person whose personal feed this token opens.
std::optional<long long> user_of_calendar_token(soci::session& sql, const std::string& token);

// The person's token; nullopt when none was ever given (NULL).
std::optional<std::string> calendar_token_of(soci::session& sql, long long user_id);

void set_calendar_token(soci::session& sql, long long user_id, const std::string& token);

}  // namespace ateliers::store
