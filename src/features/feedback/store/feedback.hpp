#pragma once
// The questionnaire after a cycle: the registration it is about, the answers, and the
// registrations due an invitation to answer it.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ateliers::store {

struct QuestionnaireRow {
    long long owner_id = 0;
    std::string status;  // the registration's
    long long cycle_id = 0;
    std::string cycle_slug;
    std::string cycle_title;
    long long last_session_ends_at = 0;  // 0: no sessions
    std::string full_name;
    std::string function_title;
    std::string collectivite_name;
    std::string departement_code;
};

std::optional<QuestionnaireRow> find_questionnaire(soci::session& sql, long long registration_id);

struct FeedbackRow {
    int satisfaction = 0;
    int usefulness = 0;
    bool would_recommend = false;
    std::string comment;
};

std::optional<FeedbackRow> find_feedback(soci::session& sql, long long registration_id);

long long feedback_count(soci::session& sql, long long registration_id);

// Insert or update the registration's answers.
void save_feedback(soci::session& sql, long long registration_id, int satisfaction, int usefulness,
                   bool would_recommend, const std::string& comment, long long submitted_at);

// Registrations of the user whose questionnaire has been answered.
std::set<long long> answered_registrations(soci::session& sql, long long user_id);

struct InvitationRow {
    long long registration_id = 0;
    std::string email, full_name, cycle_title;
};

// Confirmed registrations not yet invited, to a cycle whose last session ended in
// (oldest_end, now], by registration id.
std::vector<InvitationRow> invitations_due(soci::session& sql, long long now, long long oldest_end);

// Marks the registration invited; false when it already was (on PostgreSQL a second
// worker waits on the row lock, then finds the column set).
bool mark_feedback_requested(soci::session& sql, long long registration_id, long long now);

}  // namespace ateliers::store
