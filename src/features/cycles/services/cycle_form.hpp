#pragma once
// The back office's cycle form, parsed and checked without the database: what the
// organiser typed becomes a ParsedCycle, or French messages keyed by form field.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "features/registration/domain/registration_rules.hpp"
#include "features/cycles/services/cycle_admin.hpp"

namespace ateliers::services::cycle_form {

struct ParsedSession {
    long long id = 0;  // 0: new session
    std::int64_t starts_at = 0;
    std::int64_t ends_at = 0;
    std::string visio_url;
    int row = 0;  // row of the form, for error messages
};

struct ParsedCycle {
    std::string title, theme, summary, description, territory_types, region_code;
    int capacity = 15;
    registration::Mode mode = registration::Mode::first_come;
    std::int64_t opens_at = 0;   // 0: no bound
    std::int64_t closes_at = 0;  // 0: no bound
    long long facilitator_id = 0;
    bool new_facilitator = false;
    std::string facilitator_name, facilitator_bio, facilitator_email;
    std::vector<ParsedSession> sessions;  // sorted by start
};

// Field name -> French message; empty when `out` is complete. Sessions come out sorted by start.
std::map<std::string, std::string> parse_cycle(const CycleInput& in, ParsedCycle& out);

// New sessions, and sessions whose start moves, must start after `now`; a session
// already held keeps its date. `stored` maps the cycle's session ids to their start.
std::map<std::string, std::string> past_session_errors(const std::vector<ParsedSession>& sessions,
                                                       const std::map<long long, std::int64_t>& stored,
                                                       std::int64_t now);

// "Le cycle n’a pas été enregistré : N champs sont à corriger.", with the messages by field.
Failure form_failure(std::map<std::string, std::string> errors, FailureKind kind = FailureKind::invalid);
Failure field_failure(const std::string& field, const std::string& message,
                      FailureKind kind = FailureKind::invalid);

// The format's warnings (cycle_format::warnings), and a registration closing after the first session.
std::vector<std::string> warnings_for(const std::vector<registration::Interval>& sessions, std::int64_t closes_at);
std::vector<registration::Interval> intervals(const std::vector<ParsedSession>& sessions);
std::vector<registration::Interval> intervals(const std::vector<store::SessionRow>& sessions);

// "09:30", Paris time, as the form's time inputs hold it.
std::string hh_mm(std::int64_t utc);

}  // namespace ateliers::services::cycle_form
