#pragma once
// The raw facts behind the reports, read in a few queries for one cycle or for every
// cycle (cycle_id 0): confirmed participations, sessions with their attendance, action
// leads, questionnaires, and the cycles' heads for the dashboard.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

// A confirmed registration with its collectivité.
struct ParticipationFacts {
    long long cycle_id = 0;
    long long registration_id = 0;
    long long user_id = 0;
    std::string collectivite_id;
    std::string collectivite_label;
    std::string mandate;
    std::string size_class, zone;
    std::string region_code, region_name;
    std::string departement_code, departement_name;
};

// A session with its attendance among the confirmed registrations.
struct SessionFacts {
    long long id = 0;
    long long cycle_id = 0;
    int number = 0;
    std::int64_t starts_at = 0;
    std::int64_t ends_at = 0;
    int present = 0, excused = 0, absent = 0;
};

struct LeadFacts {
    long long id = 0;
    long long cycle_id = 0;
    int session_number = 0;
    std::string status, body, progress_note, collectivite_label;
};

// The questionnaire of a confirmed registration.
struct FeedbackFacts {
    long long cycle_id = 0;
    int satisfaction = 0, usefulness = 0;
    bool recommend = false;
    std::string comment;
};

// By cycle, then registration.
std::vector<ParticipationFacts> report_participations(soci::session& sql, long long cycle_id);
// By cycle, then start.
std::vector<SessionFacts> report_sessions(soci::session& sql, long long cycle_id);
// By cycle, session number, then lead.
std::vector<LeadFacts> report_leads(soci::session& sql, long long cycle_id);
// In the order they were submitted.
std::vector<FeedbackFacts> report_feedback(soci::session& sql, long long cycle_id);

struct CycleHeadRow {
    long long id = 0;
    std::string slug, title, status;
    long long first_session = 0;  // 0: no sessions
    int sessions = 0;
    long long last_session_end = 0;
};

// Every cycle with its sessions' span, unordered.
std::vector<CycleHeadRow> report_cycle_heads(soci::session& sql);

// The facilitator's name, nullopt when there is no such facilitator.
std::optional<std::string> facilitator_name(soci::session& sql, long long facilitator_id);

}  // namespace ateliers::store
